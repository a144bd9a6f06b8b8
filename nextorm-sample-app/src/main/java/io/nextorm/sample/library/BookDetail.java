package io.nextorm.sample.library;

import io.nextorm.sample.Book;
import io.nextorm.sample.Review;
import io.nextorm.sample.Tag;

import java.util.Comparator;
import java.util.List;

/**
 * A book as {@code GET /books/{id}} shows it: with its description, author, tags and reviews.
 *
 * @param id the key
 * @param title the title
 * @param isbn the ISBN
 * @param publishedYear the year of the first edition
 * @param description the blurb, or null
 * @param authorId the author's key
 * @param author the author's name
 * @param tags the tag names, sorted
 * @param reviews the reviews, oldest first
 * @param averageRating the mean rating, or null without reviews
 * @param version the version, to send back with a change ({@code PATCH /books/{id}})
 */
public record BookDetail(long id, String title, String isbn, int publishedYear, String description, long authorId,
                         String author, List<String> tags, List<ReviewView> reviews, Double averageRating,
                         long version) {

    /**
     * The detail of a book whose author, tags, reviews and description are loaded.
     *
     * @param book the book
     * @return its detail
     */
    public static BookDetail of(Book book) {
        List<ReviewView> reviews = book.getReviews().stream()
                .sorted(Comparator.comparing(Review::getId))
                .map(ReviewView::of)
                .toList();
        Double average = reviews.isEmpty() ? null
                : reviews.stream().mapToInt(ReviewView::rating).average().orElseThrow();
        return new BookDetail(book.getId(), book.getTitle(), book.getIsbn(), book.getPublishedYear(),
                book.getDescription().get(), book.getAuthor().getId(), book.getAuthor().getName(),
                book.getTags().stream().map(Tag::getName).sorted().toList(), reviews, average, book.getVersion());
    }
}
