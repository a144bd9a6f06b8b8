package io.nextorm.sample.web;

import io.nextorm.sample.library.AuthorService;
import io.nextorm.sample.library.AuthorView;
import io.nextorm.sample.library.NewAuthor;
import io.nextorm.sample.library.TagService;
import io.nextorm.sample.library.TagView;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * The authors ({@code /authors}) and tags ({@code /tags}).
 */
@RestController
public class AuthorController {

    private final AuthorService authors;
    private final TagService tags;

    /**
     * Creates the controller.
     *
     * @param authors the authors
     * @param tags the tags
     */
    public AuthorController(AuthorService authors, TagService tags) {
        this.authors = authors;
        this.tags = tags;
    }

    /**
     * Every author with the titles of their books.
     *
     * @return the authors, by name
     */
    @GetMapping("/authors")
    public Flux<AuthorView> list() {
        return authors.authors();
    }

    /**
     * One author.
     *
     * @param id the key
     * @return the author; 404 when there is none
     */
    @GetMapping("/authors/{id}")
    public Mono<AuthorView> get(@PathVariable long id) {
        return authors.author(id);
    }

    /**
     * Adds an author.
     *
     * @param author the name
     * @return 201 with the author; 400 when invalid; 409 when the name is taken
     */
    @PostMapping("/authors")
    public Mono<ResponseEntity<AuthorView>> create(@Valid @RequestBody NewAuthor author) {
        return authors.create(author).map(created -> ResponseEntity.created(URI.create("/authors/" + created.id()))
                .body(created));
    }

    /**
     * Gives one author's books to another and deletes the first, in one transaction.
     *
     * @param id the author to merge away
     * @param into the author who keeps the books
     * @return the remaining author; 404 when either is missing; 400 when both are the same
     */
    @PostMapping("/authors/{id}/merge")
    public Mono<AuthorView> merge(@PathVariable long id, @RequestParam long into) {
        return authors.merge(id, into);
    }

    /**
     * Every tag with its number of books.
     *
     * @return the tags, by name
     */
    @GetMapping("/tags")
    public Flux<TagView> tags() {
        return tags.tags();
    }
}
