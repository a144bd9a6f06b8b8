package io.nextorm.sample.library;

import io.nextorm.AsyncDatabase;
import io.nextorm.AsyncQuerySet;
import io.nextorm.Lazy;
import io.nextorm.ObjectNotFoundException;
import io.nextorm.OptimisticCheckException;
import io.nextorm.query.OrderItem;
import io.nextorm.sample.Author_;
import io.nextorm.sample.Book;
import io.nextorm.sample.Book_;
import io.nextorm.sample.Review;
import io.nextorm.sample.Review_;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;

/**
 * The library's books: a paged, filtered list, details, and changes, each change in one session
 * (a transaction plus an identity map, written at its end by dirty checking).
 */
@Service
public class BookService {

    private final AsyncDatabase db;
    private final AuthorService authors;
    private final TagService tags;

    /**
     * Creates the service.
     *
     * @param db the database, from the nextorm starter
     * @param authors finds and adds authors
     * @param tags finds and adds tags
     */
    public BookService(AsyncDatabase db, AuthorService authors, TagService tags) {
        this.db = db;
        this.authors = authors;
        this.tags = tags;
    }

    /**
     * One page of the books that pass the filter, with their authors, tags and reviews (prefetched:
     * one query each for the page, not one per book).
     *
     * @param filter the filters, order and page
     * @return the page; {@link IllegalArgumentException} for an unknown order
     */
    public Mono<PageView<BookSummary>> books(BookFilter filter) {
        OrderItem[] order = order(filter.sort());
        return filtered(filter).flatMap(books -> Mono.zip(
                        books.count(),
                        books.orderBy(order).page(filter.page(), filter.size())
                                .prefetch(Book_.author, Book_.tags, Book_.reviews).fetchAll()))
                .map(found -> PageView.of(filter.page(), filter.size(), found.getT1(),
                        found.getT2().stream().map(BookSummary::of).toList()));
    }

    /**
     * One book with everything about it: author, tags and reviews prefetched, the lazy description
     * loaded with one more SELECT.
     *
     * @param id the key
     * @return the book; {@link ObjectNotFoundException} when there is none
     */
    public Mono<BookDetail> book(long id) {
        return loadBook(id).flatMap(book -> db.loadLazyField(book, "description").thenReturn(book))
                .map(BookDetail::of);
    }

    /**
     * Adds a book, and its author and tags when they are new, in one session: all or nothing.
     *
     * @param request the book
     * @return the new book; {@link ConflictException} when the ISBN is taken
     */
    public Mono<BookDetail> create(NewBook request) {
        String isbn = request.isbn().strip();
        return db.aselect(Book.class).filter(Book_.isbn.eq(isbn)).exists()
                .flatMap(taken -> taken
                        ? Mono.error(new ConflictException("There is a book with ISBN " + isbn + " already"))
                        : db.session(s -> Mono.zip(authors.findOrAdd(s, request.author()),
                                        tags.findOrAdd(s, request.tagNames()))
                                .map(found -> {
                                    Book book = new Book(request.title().strip(), isbn, request.publishedYear(),
                                            request.description(), found.getT1());
                                    book.getTags().addAll(found.getT2());
                                    return s.add(book);          // inserted with its author, tags and links at the end
                                })))
                .flatMap(book -> book(book.getId()));
    }

    /**
     * Changes a book in one session: the book is loaded, the changed fields are set on it, and the
     * session's end writes one UPDATE of the changed columns only (dirty checking), guarded by the
     * {@code @Version} column. A version sent by the client that is no longer the book's, or a change
     * committed by someone else in the meantime, is an {@link OptimisticCheckException}: nothing is written.
     *
     * @param id the key
     * @param changes what to change
     * @return the changed book; {@link ObjectNotFoundException} when there is none
     */
    public Mono<BookDetail> update(long id, BookChanges changes) {
        return db.session(s -> loadBook(id)
                        .flatMap(book -> db.loadLazyField(book, "description").thenReturn(book))
                        .flatMap(book -> checkVersion(book, changes.version()))
                        .flatMap(book -> changes.tags() == null ? Mono.just(book)
                                : tags.findOrAdd(s, changes.tags()).map(newTags -> {
                                    book.getTags().retainAll(newTags);
                                    book.getTags().addAll(newTags);
                                    return book;
                                }))
                        .doOnNext(book -> apply(book, changes)))
                .then(Mono.defer(() -> book(id)));
    }

    /**
     * Deletes a book, its reviews and its tag links, in one session.
     *
     * @param id the key
     * @return completion; {@link ObjectNotFoundException} when there is none
     */
    public Mono<Void> delete(long id) {
        return db.session(s -> loadBook(id)
                .flatMap(book -> {
                    book.getTags().clear();                          // the link rows go at the next flush
                    return db.aselect(Review.class).filter(Review_.book.then(Book_.id).eq(id)).delete()
                            .then(db.adeleteInstance(book));         // the bulk DELETE flushes first
                })
                .then(Mono.just(id))).then();
    }

    /**
     * Adds a review to a book.
     *
     * @param id the book's key
     * @param request the review
     * @return the new review; {@link ObjectNotFoundException} when there is no such book
     */
    public Mono<ReviewView> addReview(long id, NewReview request) {
        return db.session(s -> db.aselect(Book.class).filter(Book_.id.eq(id)).get()
                        .switchIfEmpty(Mono.error(() -> notFound(id)))
                        .map(book -> s.add(new Review(book, request.reviewer().strip(), request.rating(),
                                request.text() == null ? "" : request.text()))))
                .map(ReviewView::of);
    }

    private Mono<AsyncQuerySet<Book>> filtered(BookFilter filter) {
        AsyncQuerySet<Book> books = db.aselect(Book.class);
        if (filter.q() != null && !filter.q().isBlank()) {
            String needle = filter.q().strip().toLowerCase(Locale.ROOT);
            // a plain Java lambda, translated to SQL: LOWER(t0.title) LIKE ? with the needle bound
            books = books.where(book -> book.getTitle().toLowerCase().contains(needle));
        }
        if (filter.author() != null && !filter.author().isBlank()) {
            books = books.filter(Book_.author.then(Author_.name).eq(filter.author().strip()));
        }
        if (filter.fromYear() != null) {
            books = books.filter(Book_.publishedYear.ge(filter.fromYear()));
        }
        if (filter.toYear() != null) {
            books = books.filter(Book_.publishedYear.le(filter.toYear()));
        }
        if (filter.tag() == null || filter.tag().isBlank()) {
            return Mono.just(books);
        }
        AsyncQuerySet<Book> untagged = books;
        return tags.bookIds(filter.tag().strip()).map(ids -> untagged.filter(Book_.id.in(ids)));
    }

    private static OrderItem[] order(String sort) {
        if (sort == null || sort.isBlank() || sort.equals("title")) {
            return new OrderItem[] {Book_.title.asc(), Book_.id.asc()};
        }
        return switch (sort) {
            case "year" -> new OrderItem[] {Book_.publishedYear.asc(), Book_.title.asc(), Book_.id.asc()};
            case "-year" -> new OrderItem[] {Book_.publishedYear.desc(), Book_.title.asc(), Book_.id.asc()};
            default -> throw new IllegalArgumentException("Unknown sort '" + sort
                    + "': use title, year (oldest first) or -year (newest first)");
        };
    }

    private static Mono<Book> checkVersion(Book book, Long expected) {
        if (expected == null || expected == book.getVersion()) {
            return Mono.just(book);
        }
        return Mono.error(new OptimisticCheckException("Book " + book.getId() + " is at version " + book.getVersion()
                + ", not " + expected + ": it was changed after it was read. Read it again and redo the change"));
    }

    private static void apply(Book book, BookChanges changes) {
        if (changes.title() != null) {
            book.setTitle(changes.title().strip());
        }
        if (changes.publishedYear() != null) {
            book.setPublishedYear(changes.publishedYear());
        }
        if (changes.description() != null) {
            book.setDescription(Lazy.of(changes.description()));
        }
    }

    private Mono<Book> loadBook(long id) {
        return db.aselect(Book.class).filter(Book_.id.eq(id)).prefetch(Book_.author, Book_.tags, Book_.reviews).get()
                .switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    private static ObjectNotFoundException notFound(long id) {
        return new ObjectNotFoundException("There is no book " + id);
    }
}
