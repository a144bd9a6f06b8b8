package io.nextorm.sample.library;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /books/{id}/reviews}.
 *
 * @param reviewer who writes it
 * @param rating 1 to 5 stars
 * @param text what they thought; optional
 */
public record NewReview(
        @NotBlank @Size(max = 100) String reviewer,
        @NotNull @Min(1) @Max(5) Integer rating,
        @Size(max = 2000) String text) {
}
