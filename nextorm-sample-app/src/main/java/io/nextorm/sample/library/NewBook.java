package io.nextorm.sample.library;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The body of {@code POST /books}.
 *
 * @param title the title
 * @param isbn the ISBN: digits and dashes, unique
 * @param publishedYear the year of the first edition
 * @param author the author's name: an existing author, or a new one
 * @param description the blurb, optional
 * @param tags tag names: existing tags, or new ones; optional
 */
public record NewBook(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Pattern(regexp = Isbn.PATTERN, message = Isbn.MESSAGE) String isbn,
        @NotNull @Min(-3000) @Max(3000) Integer publishedYear,
        @NotBlank @Size(max = 100) String author,
        @Size(max = 20_000) String description,
        @Size(max = 10) List<@NotBlank @Size(max = 40) String> tags) {

    /**
     * The tags, never null.
     *
     * @return the tag names
     */
    public List<String> tagNames() {
        return tags == null ? List.of() : tags;
    }
}
