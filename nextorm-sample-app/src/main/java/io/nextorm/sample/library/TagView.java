package io.nextorm.sample.library;

import io.nextorm.sample.Tag;

/**
 * A tag as the API shows it.
 *
 * @param id the key
 * @param name the name
 * @param books how many books have it
 */
public record TagView(long id, String name, int books) {

    /**
     * The view of a tag whose books are loaded.
     *
     * @param tag the tag
     * @return its view
     */
    public static TagView of(Tag tag) {
        return new TagView(tag.getId(), tag.getName(), tag.getBooks().size());
    }
}
