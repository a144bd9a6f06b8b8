package io.nextorm.sample.library;

import java.util.List;

/**
 * One page of a list.
 *
 * @param page the page number, from 1
 * @param size the most items a page holds
 * @param total how many items match, on all pages
 * @param pages how many pages there are (at least 1)
 * @param items the items of this page
 * @param <T> the item type
 */
public record PageView<T>(int page, int size, long total, long pages, List<T> items) {

    /**
     * A page of a list of {@code total} items.
     *
     * @param page the page number
     * @param size the page size
     * @param total the number of items on all pages
     * @param items this page's items
     * @param <T> the item type
     * @return the page
     */
    public static <T> PageView<T> of(int page, int size, long total, List<T> items) {
        return new PageView<>(page, size, total, Math.max(1, (total + size - 1) / size), items);
    }
}
