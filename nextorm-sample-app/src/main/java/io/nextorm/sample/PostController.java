package io.nextorm.sample;

import io.nextorm.AsyncDatabase;
import io.nextorm.AsyncQuerySet;
import io.nextorm.ObjectNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

/**
 * The blog's HTTP API: posts, and the statistics of the statements behind them.
 */
@RestController
public class PostController {

    private final AsyncDatabase db;

    /**
     * Creates the controller.
     *
     * @param db the database, from the nextorm starter
     */
    public PostController(AsyncDatabase db) {
        this.db = db;
    }

    /**
     * The posts, oldest first, optionally only those of one author.
     *
     * @param author the author's name, or null for every post
     * @return the posts
     */
    @GetMapping("/posts")
    public Flux<PostView> posts(@RequestParam(required = false) String author) {
        AsyncQuerySet<Post> posts = db.aselect(Post.class).prefetch(Post_.author).orderBy(Post_.id.asc());
        if (author != null) {
            posts = posts.filter(Post_.author.then(Author_.name).eq(author));
        }
        return posts.stream().map(PostView::of);
    }

    /**
     * One post.
     *
     * @param id the post's key
     * @return the post; 404 when there is none
     */
    @GetMapping("/posts/{id}")
    public Mono<PostView> post(@PathVariable long id) {
        return db.aselect(Post.class).prefetch(Post_.author).filter(Post_.id.eq(id)).getOrRaise()
                .onErrorMap(ObjectNotFoundException.class, e -> new ObjectNotFoundException("There is no post " + id, e))
                .map(PostView::of);
    }

    /**
     * Writes a post, and its author when the name is new, in one session: both or neither.
     *
     * @param post the title, text and author's name
     * @return 201 with the saved post and its location; 400 without a title or author
     */
    @PostMapping("/posts")
    public Mono<ResponseEntity<PostView>> create(@RequestBody NewPost post) {
        if (isBlank(post.title()) || isBlank(post.author())) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "A post needs a title and an author"));
        }
        // one session: the new author and the post commit together (a Spring transaction, through the starter)
        return db.session(s -> db.aselect(Author.class).filter(Author_.name.eq(post.author())).get()
                        .switchIfEmpty(Mono.defer(() -> db.asave(new Author(post.author()))))
                        .flatMap(author -> db.asave(new Post(post.title(), post.body() == null ? "" : post.body(),
                                author))))
                .map(saved -> ResponseEntity.created(URI.create("/posts/" + saved.getId())).body(PostView.of(saved)));
    }

    /**
     * The statistics of the statements this database sent, slowest in total first.
     *
     * @return one entry per statement
     */
    @GetMapping("/stats")
    public List<StatementStats> stats() {
        return db.localStats().entrySet().stream()
                .map(entry -> StatementStats.of(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingDouble(StatementStats::totalMillis).reversed())
                .toList();
    }

    /**
     * Answers 404 for a post that does not exist.
     *
     * @param e the failure of {@code getOrRaise}
     * @return the problem
     */
    @ExceptionHandler(ObjectNotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(ObjectNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
