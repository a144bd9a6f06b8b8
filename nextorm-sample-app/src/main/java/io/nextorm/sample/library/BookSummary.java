package io.nextorm.sample.library;

import io.nextorm.sample.Book;
import io.nextorm.sample.Tag;

import java.util.List;

/**
 * A book as the list {@code GET /books} shows it: no description, the tags by name.
 *
 * @param id the key
 * @param title the title
 * @param isbn the ISBN
 * @param publishedYear the year of the first edition
 * @param author the author's name
 * @param tags the tag names, sorted
 * @param reviews how many reviews it has
 * @param version the version, to send back with a change
 */
public record BookSummary(long id, String title, String isbn, int publishedYear, String author, List<String> tags,
                          int reviews, long version) {

    /**
     * The summary of a book whose author, tags and reviews are loaded.
     *
     * @param book the book
     * @return its summary
     */
    public static BookSummary of(Book book) {
        return new BookSummary(book.getId(), book.getTitle(), book.getIsbn(), book.getPublishedYear(),
                book.getAuthor().getName(), book.getTags().stream().map(Tag::getName).sorted().toList(),
                book.getReviews().size(), book.getVersion());
    }
}
