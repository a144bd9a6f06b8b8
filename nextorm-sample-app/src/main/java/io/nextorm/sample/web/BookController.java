package io.nextorm.sample.web;

import io.nextorm.sample.library.BookChanges;
import io.nextorm.sample.library.BookDetail;
import io.nextorm.sample.library.BookFilter;
import io.nextorm.sample.library.BookService;
import io.nextorm.sample.library.BookSummary;
import io.nextorm.sample.library.NewBook;
import io.nextorm.sample.library.NewReview;
import io.nextorm.sample.library.PageView;
import io.nextorm.sample.library.ReviewView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * The books: {@code /books}, {@code /books/{id}} and {@code /books/{id}/reviews}. Errors are problem
 * details ({@link ProblemDetailsAdvice}).
 */
@RestController
@RequestMapping("/books")
public class BookController {

    private final BookService books;

    /**
     * Creates the controller.
     *
     * @param books the books
     */
    public BookController(BookService books) {
        this.books = books;
    }

    /**
     * One page of books.
     *
     * @param q a piece of the title, any case
     * @param author the author's name
     * @param tag a tag name
     * @param fromYear the earliest year
     * @param toYear the latest year
     * @param sort {@code title}, {@code year} or {@code -year}
     * @param page the page, from 1
     * @param size the page size, 1 to 100
     * @return the page
     */
    @GetMapping
    public Mono<PageView<BookSummary>> list(@RequestParam(required = false) String q,
                                            @RequestParam(required = false) String author,
                                            @RequestParam(required = false) String tag,
                                            @RequestParam(required = false) Integer fromYear,
                                            @RequestParam(required = false) Integer toYear,
                                            @RequestParam(required = false) String sort,
                                            @RequestParam(defaultValue = "1") @Min(1) int page,
                                            @RequestParam(defaultValue = "10") @Min(1) @Max(100) int size) {
        return books.books(new BookFilter(q, author, tag, fromYear, toYear, sort, page, size));
    }

    /**
     * One book, with its description, tags and reviews.
     *
     * @param id the key
     * @return the book; 404 when there is none
     */
    @GetMapping("/{id}")
    public Mono<BookDetail> get(@PathVariable long id) {
        return books.book(id);
    }

    /**
     * Adds a book.
     *
     * @param book the book
     * @return 201 with the book and its location; 400 when invalid; 409 for a taken ISBN
     */
    @PostMapping
    public Mono<ResponseEntity<BookDetail>> create(@Valid @RequestBody NewBook book) {
        return books.create(book).map(created -> ResponseEntity.created(URI.create("/books/" + created.id()))
                .body(created));
    }

    /**
     * Changes some fields of a book.
     *
     * @param id the key
     * @param changes the fields to change, and the version read
     * @return the changed book; 404 when there is none; 409 when it changed since that version
     */
    @PatchMapping("/{id}")
    public Mono<BookDetail> update(@PathVariable long id, @Valid @RequestBody BookChanges changes) {
        return books.update(id, changes);
    }

    /**
     * Deletes a book with its reviews.
     *
     * @param id the key
     * @return 204; 404 when there is none
     */
    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable long id) {
        return books.delete(id).thenReturn(ResponseEntity.noContent().build());
    }

    /**
     * Adds a review to a book.
     *
     * @param id the book's key
     * @param review the review
     * @return 201 with the review; 404 when there is no such book; 400 when invalid
     */
    @PostMapping("/{id}/reviews")
    public Mono<ResponseEntity<ReviewView>> review(@PathVariable long id, @Valid @RequestBody NewReview review) {
        return books.addReview(id, review).map(created -> ResponseEntity
                .created(URI.create("/books/" + id + "/reviews/" + created.id())).body(created));
    }
}
