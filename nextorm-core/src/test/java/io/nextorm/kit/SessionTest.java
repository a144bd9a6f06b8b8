package io.nextorm.kit;

import io.nextorm.DbSession;
import io.nextorm.TransactionException;
import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Article_;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Author_;
import io.nextorm.testkit.model.Tag;
import io.r2dbc.spi.Connection;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sessions: transaction, identity map, Reactor Context, nesting, errors, cancellation, concurrency. */
class SessionTest extends DatabaseTestKit {

    @Override
    protected List<Class<?>> entities() {
        return List.of(Author.class, Article.class, Tag.class);
    }

    private long authors() {
        return await(db.aselect(Author.class).count());
    }

    @Test
    void sessionReturnsTheWorksValueAndCommits() {
        String name = await(db.session(s -> db.asave(new Author("ann")).map(a -> a.name)));

        assertThat(name).isEqualTo("ann");
        assertThat(authors()).isEqualTo(1);
    }

    @Test
    void sameRowLoadedTwiceIsTheSameObject() {
        Author saved = await(db.asave(new Author("ann")));

        List<Object> loaded = await(db.session(s -> Mono.zip(
                db.aselect(Author.class).filter(Author_.id.eq(saved.id)).getOrRaise(),
                db.aselect(Author.class).fetchAll(),
                db.aselect(Author.class).stream().next()).map(t -> List.of(t.getT1(), t.getT2().get(0), t.getT3()))));

        assertThat(loaded.get(0)).isSameAs(loaded.get(1)).isSameAs(loaded.get(2)).isNotSameAs(saved);
    }

    @Test
    void rawRowOfALoadedObjectIsThatObject() {
        await(db.asave(new Author("ann")));

        List<Author> pair = await(db.session(s -> db.aselect(Author.class).getOrRaise().flatMap(loaded ->
                db.aselect(Author.class).rawOne("SELECT * FROM author", List.of()).map(raw -> List.of(loaded, raw)))));

        assertThat(pair.get(1)).isSameAs(pair.get(0));
    }

    @Test
    void referenceLoadedEarlierIsTheObjectLoadedLater() {
        Author author = await(db.asave(new Author("ann")));
        Article article = new Article("a");
        article.setAuthor(author);
        await(db.asave(article));

        List<Object> pair = await(db.session(s -> db.aselect(Article.class).getOrRaise().flatMap(a ->
                db.aselect(Author.class).getOrRaise().map(loaded -> List.of(a.getAuthor(), loaded)))));

        assertThat(pair.get(0)).isSameAs(pair.get(1));
        assertThat(((Author) pair.get(0)).name).isEqualTo("ann");
    }

    @Test
    void errorRollsBackAndReachesTheCallerUnchanged() {
        IllegalStateException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> await(db.session(s -> db.asave(new Author("ann")).then(Mono.error(boom)))))
                .isSameAs(boom);
        assertThat(authors()).isZero();
    }

    @Test
    void nestedSessionJoinsTheOuterOne() {
        DbSession[] sessions = new DbSession[2];
        IllegalStateException boom = new IllegalStateException("outer fails after the inner one ended");

        assertThatThrownBy(() -> await(db.session(outer -> {
            sessions[0] = outer;
            return db.session(inner -> {
                sessions[1] = inner;
                return db.asave(new Author("inner"));
            }).then(Mono.error(boom));
        }))).isSameAs(boom);

        assertThat(sessions[1]).isSameAs(sessions[0]);
        assertThat(authors()).as("the inner session's write was rolled back with the outer one").isZero();
    }

    @Test
    void callsInsideTheSessionSeeItsUncommittedWritesAndOthersDoNot() {
        long[] counts = await(db.session(s -> db.asave(new Author("ann"))
                .then(Mono.zip(db.aselect(Author.class).count(),
                        db.aselect(Author.class).count().contextWrite(ctx -> Context.empty())))
                .map(t -> new long[] {t.getT1(), t.getT2()})));

        assertThat(counts).containsExactly(1, 0);
    }

    @Test
    void getConnectionInsideASessionIsTheSessionsConnectionAndClosingItDoesNothing() {
        Long seen = await(db.session(s -> db.asave(new Author("ann"))
                .then(db.getConnection())
                .flatMap(connection -> Flux.from(connection.createStatement("SELECT COUNT(*) FROM author").execute())
                        .flatMap(result -> result.map(row -> ((Number) row.get(0)).longValue()))
                        .next()
                        .flatMap(count -> Mono.from(connection.close()).thenReturn(count)))
                .flatMap(count -> db.aselect(Author.class).count().map(after -> count + after))));

        assertThat(seen).as("1 seen on the session's connection, 1 after closing it").isEqualTo(2);
        assertThat(authors()).isEqualTo(1);
    }

    @Test
    void acommitCommitsAndTheSessionGoesOnInANewTransaction() {
        IllegalStateException boom = new IllegalStateException("after the commit");

        assertThatThrownBy(() -> await(db.session(s -> db.asave(new Author("committed"))
                .then(db.acommit())
                .then(db.asave(new Author("rolled back")))
                .then(Mono.error(boom))))).isSameAs(boom);

        assertThat(await(db.aselect(Author.class).fetchAll())).extracting(a -> a.name).containsExactly("committed");
    }

    @Test
    void arollbackUndoesTheWorkAndClearsTheIdentityMap() {
        boolean[] contained = new boolean[2];
        await(db.session(s -> db.asave(new Author("gone"))
                .doOnNext(a -> contained[0] = s.contains(a))
                .flatMap(a -> db.arollback().then(Mono.fromRunnable(() -> contained[1] = s.contains(a))))
                .then(db.asave(new Author("kept")))));

        assertThat(contained).containsExactly(true, false);
        assertThat(await(db.aselect(Author.class).fetchAll())).extracting(a -> a.name).containsExactly("kept");
    }

    @Test
    void acommitOutsideASessionFails() {
        assertThatThrownBy(() -> await(db.acommit())).isInstanceOf(TransactionException.class)
                .hasMessageContaining("db.session");
    }

    @Test
    void aflushOutsideASessionDoesNothing() {
        db.clearLocalStats();

        await(db.aflush());

        assertThat(db.localStats()).isEmpty();
    }

    @Test
    void cancellingASessionRollsItBack() throws InterruptedException {
        CountDownLatch written = new CountDownLatch(1);
        Disposable running = db.session(s -> db.asave(new Author("cancelled"))
                        .doOnNext(a -> written.countDown())
                        .then(Mono.never()))
                .subscribe();
        assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();

        running.dispose();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (authors() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(authors()).isZero();
        Integer after = await(db.session(s -> db.asave(new Author("after")).thenReturn(1)));
        assertThat(after).isEqualTo(1);
    }

    @Test
    void twoHundredConcurrentSessionsEachSeeOnlyTheirOwnObjects() {
        Map<Integer, Author> added = new ConcurrentHashMap<>();
        Map<Integer, String> problems = new ConcurrentHashMap<>();

        await(Flux.range(0, 200).flatMap(i -> db.session(s -> {
            Author mine = s.add(new Author("author-" + i));
            added.put(i, mine);
            return db.aflush()
                    .then(db.aselect(Author.class).filter(Author_.name.eq("author-" + i)).getOrRaise())
                    .publishOn(Schedulers.parallel())
                    .doOnNext(loaded -> {
                        if (loaded != mine) {
                            problems.put(i, "loaded another object than the one added");
                        }
                        for (Map.Entry<Integer, Author> other : added.entrySet()) {
                            if (other.getKey() != i && s.contains(other.getValue())) {
                                problems.put(i, "holds the object of session " + other.getKey());
                            }
                        }
                    });
        }), 200).then());

        assertThat(problems).isEmpty();
        assertThat(authors()).isEqualTo(200);
        assertThat(added.values()).extracting(a -> a.id).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void sessionsOfTwoDatabasesAreSeparate() {
        Set<Boolean> joined = ConcurrentHashMap.newKeySet();
        io.nextorm.AsyncDatabase other = new io.nextorm.AsyncDatabase(entities());
        await(other.bind(target.provider(), target.url(), Map.of()).then(other.generateMapping(true, true)));
        try {
            await(db.session(s -> other.session(t -> {
                joined.add(s == t);
                return other.asave(new Author("other"));
            }).then(Mono.error(new IllegalStateException("only db rolls back")))).onErrorResume(e -> Mono.empty()));
        } finally {
            long inOther = await(other.aselect(Author.class).count());
            await(other.close());
            assertThat(joined).containsExactly(false);
            if (!"h2".equals(target.provider())) {
                assertThat(inOther).isEqualTo(1);
            }
        }
    }

    @Test
    void connectionsGoBackToThePoolAfterFailedSessions() {
        for (int i = 0; i < 40; i++) {
            int n = i;
            assertThatThrownBy(() -> await(db.session(s -> db.asave(new Author("x" + n))
                    .then(Mono.error(new IllegalStateException("fail " + n)))))).hasMessage("fail " + n);
        }
        Connection connection = await(db.getConnection());
        await(Mono.from(connection.close()));
        assertThat(authors()).isZero();
    }
}
