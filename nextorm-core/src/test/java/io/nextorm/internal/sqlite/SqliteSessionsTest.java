package io.nextorm.internal.sqlite;

import io.nextorm.AsyncDatabase;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Article_;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * nextorm sessions over the sqlite provider, as the seed binds it: {@code bind("sqlite", path)}.
 * SQLite allows one writer at a time; concurrent sessions must queue for it, never fail with
 * SQLITE_BUSY.
 */
class SqliteSessionsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private Path directory;
    private AsyncDatabase db;

    @BeforeEach
    void open() {
        directory = SqliteFiles.directory();
        db = new AsyncDatabase(List.of(Author.class, Article.class, Tag.class));
        db.bind("sqlite", directory.resolve("app.db").toString(), Map.of("pool.maxSize", 16)).block(TIMEOUT);
        db.generateMapping(true, true).block(TIMEOUT);
    }

    @AfterEach
    void close() {
        db.close().block(TIMEOUT);
        SqliteFiles.delete(directory);
    }

    @Test
    void sixtyFourConcurrentSessionsWritingTheSameFileAllSucceed() {
        Article counter = db.asave(new Article("counter", 0)).block(TIMEOUT);
        List<Long> written = Flux.range(0, 64)
                .flatMap(i -> db.session(s -> db.aselect(Article.class).filter(Article_.id.eq(counter.getId()))
                                .getOrRaise()
                                .doOnNext(article -> s.add(new Article("written by " + i, i)))
                                .then(db.aselect(Article.class).filter(Article_.id.eq(counter.getId()))
                                        .update(Article_.views.increment(1L))))
                        .subscribeOn(Schedulers.parallel()), 64)
                .collectList().block(TIMEOUT);

        assertThat(written).hasSize(64).containsOnly(1L);
        assertThat(db.aselect(Article.class).count().block(TIMEOUT)).isEqualTo(65L);
        assertThat(db.aselect(Article.class).filter(Article_.id.eq(counter.getId())).getOrRaise().block(TIMEOUT).getViews())
                .isEqualTo(64L);
    }

    @Test
    void aFailedSessionLeavesTheFileAsItWas() {
        db.asave(new Article("kept", 1)).block(TIMEOUT);
        Mono<Object> failing = db.session(s -> db.asave(new Article("rolled back", 2))
                .then(Mono.error(new IllegalStateException("boom"))));
        assertThat(failing.onErrorResume(e -> Mono.empty()).block(TIMEOUT)).isNull();
        assertThat(db.aselect(Article.class).fetchAll().block(TIMEOUT)).extracting(Article::getTitle)
                .containsExactly("kept");
    }
}
