package io.nextorm.sample;

import io.nextorm.AsyncDatabase;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Writes two authors and a few posts when the database has no authors yet.
 */
@Component
public class SampleData implements ApplicationRunner {

    private final AsyncDatabase db;

    /**
     * Creates the seeder.
     *
     * @param db the database to seed
     */
    public SampleData(AsyncDatabase db) {
        this.db = db;
    }

    /**
     * Seeds the database, blocking: it runs once at startup, before the application serves
     * requests, and the first request should see the rows.
     *
     * @param args the application's arguments (unused)
     */
    @Override
    public void run(ApplicationArguments args) {
        db.aselect(Author.class).exists()
                .filter(exists -> !exists)
                .flatMap(empty -> db.asave(new Author("Ann")).zipWith(db.asave(new Author("Bob"))))
                .flatMapMany(authors -> Flux.just(
                                new Post("Hello, nextorm", "A reactive ORM on R2DBC.", authors.getT1()),
                                new Post("Queries", "Post_.author.then(Author_.name).eq(\"Ann\")", authors.getT1()),
                                new Post("Sessions", "An identity map and dirty checking.", authors.getT2()))
                        .concatMap(db::asave))
                .blockLast();
    }
}
