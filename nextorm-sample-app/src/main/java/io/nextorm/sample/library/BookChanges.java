package io.nextorm.sample.library;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The body of {@code PATCH /books/{id}}: the fields to change; a field left out (null) stays as it is.
 *
 * @param title a new title
 * @param publishedYear a new year of the first edition
 * @param description a new blurb
 * @param tags the new tag names, replacing the old ones
 * @param version the version the client read ({@code GET /books/{id}}): when given and no longer the
 *                book's, the change is refused with 409
 */
public record BookChanges(
        @Size(min = 1, max = 200) String title,
        @Min(-3000) @Max(3000) Integer publishedYear,
        @Size(max = 20_000) String description,
        @Size(max = 10) List<@Size(min = 1, max = 40) String> tags,
        Long version) {
}
