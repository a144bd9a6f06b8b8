package io.nextorm.sample.library;

import io.nextorm.AsyncDatabase;
import io.nextorm.DbSession;
import io.nextorm.ObjectNotFoundException;
import io.nextorm.sample.Author;
import io.nextorm.sample.Author_;
import io.nextorm.sample.Book;
import io.nextorm.sample.Book_;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * The library's authors: listing, creating, merging two into one.
 */
@Service
public class AuthorService {

    private final AsyncDatabase db;

    /**
     * Creates the service.
     *
     * @param db the database, from the nextorm starter
     */
    public AuthorService(AsyncDatabase db) {
        this.db = db;
    }

    /**
     * Every author, by name, with the titles of their books (one query for the authors, one for all
     * their books: {@code prefetch}).
     *
     * @return the authors
     */
    public Flux<AuthorView> authors() {
        return db.aselect(Author.class).orderBy(Author_.name.asc()).prefetch(Author_.books).stream()
                .map(AuthorView::of);
    }

    /**
     * One author.
     *
     * @param id the key
     * @return the author; {@link ObjectNotFoundException} when there is none
     */
    public Mono<AuthorView> author(long id) {
        return loadAuthor(id).map(AuthorView::of);
    }

    /**
     * Adds an author.
     *
     * @param author the name
     * @return the new author; {@link ConflictException} when the name is taken
     */
    public Mono<AuthorView> create(NewAuthor author) {
        String name = author.name().strip();
        return db.aselect(Author.class).filter(Author_.name.eq(name)).exists()
                .flatMap(taken -> taken
                        ? Mono.error(new ConflictException("There is an author named '" + name + "' already"))
                        : db.asave(new Author(name)))
                .map(AuthorView::of);
    }

    /**
     * Moves every book of one author to another and deletes the first: all or nothing, in one Spring
     * transaction. The {@code db.session(...)} inside joins it (behind a savepoint), so its identity
     * map gives one object per row, and its bulk UPDATE and DELETE run on the transaction's connection.
     *
     * @param fromId the author to merge away
     * @param intoId the author who keeps the books
     * @return the remaining author; {@link ObjectNotFoundException} when either is missing,
     *         {@link IllegalArgumentException} when both are the same
     */
    @Transactional
    public Mono<AuthorView> merge(long fromId, long intoId) {
        if (fromId == intoId) {
            return Mono.error(new IllegalArgumentException("An author cannot be merged into itself (both are "
                    + fromId + "): give two different authors"));
        }
        return db.session(s -> Mono.zip(loadAuthor(fromId), loadAuthor(intoId))
                        .flatMap(authors -> db.aselect(Book.class)
                                .filter(Book_.author.then(Author_.id).eq(fromId))
                                .update(Map.of("author", authors.getT2()))
                                .then(db.adeleteInstance(authors.getT1())))
                        .then(Mono.just(intoId)))
                .flatMap(this::author);
    }

    /**
     * The author of that name in the session, added to it when there is none.
     *
     * @param session the session
     * @param name the name
     * @return the author
     */
    Mono<Author> findOrAdd(DbSession session, String name) {
        String stripped = name.strip();
        return db.aselect(Author.class).filter(Author_.name.eq(stripped)).get()
                .switchIfEmpty(Mono.fromSupplier(() -> session.add(new Author(stripped))));
    }

    private Mono<Author> loadAuthor(long id) {
        return db.aselect(Author.class).filter(Author_.id.eq(id)).prefetch(Author_.books).get()
                .switchIfEmpty(Mono.error(() -> new ObjectNotFoundException("There is no author " + id)));
    }
}
