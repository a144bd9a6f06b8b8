package io.nextorm.sample.library;

/**
 * What {@code GET /books} lists: every filter is optional (null).
 *
 * @param q a piece of the title, any case (a lambda {@code where})
 * @param author the author's exact name
 * @param tag a tag name
 * @param fromYear the earliest year of the first edition
 * @param toYear the latest year of the first edition
 * @param sort {@code title} (the default), {@code year} (oldest first) or {@code -year} (newest first)
 * @param page the page number, from 1
 * @param size the page size
 */
public record BookFilter(String q, String author, String tag, Integer fromYear, Integer toYear, String sort,
                         int page, int size) {
}
