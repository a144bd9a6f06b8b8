package io.nextorm.sample.library;

import io.nextorm.sample.Author;
import io.nextorm.sample.Book;

import java.util.List;

/**
 * An author as the API shows it.
 *
 * @param id the key
 * @param name the name
 * @param books the titles of the author's books, sorted
 */
public record AuthorView(long id, String name, List<String> books) {

    /**
     * The view of an author whose books are loaded.
     *
     * @param author the author
     * @return its view
     */
    public static AuthorView of(Author author) {
        return new AuthorView(author.getId(), author.getName(),
                author.getBooks().stream().map(Book::getTitle).sorted().toList());
    }
}
