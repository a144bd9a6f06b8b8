package io.nextorm.sample.library;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /authors}.
 *
 * @param name the name, unique
 */
public record NewAuthor(@NotBlank @Size(max = 100) String name) {
}
