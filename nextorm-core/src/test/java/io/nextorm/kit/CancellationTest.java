package io.nextorm.kit;

import io.nextorm.AsyncDatabase;
import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.TestDatabase;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Author_;
import io.nextorm.testkit.model.Tag;
import io.r2dbc.spi.Connection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions and statements cancelled at random points leave every pooled connection idle, outside
 * a transaction and usable: nothing a later call writes is lost, and no later call waits forever.
 */
class CancellationTest extends DatabaseTestKit {

    private static final int POOL_SIZE = 3;
    private static final Duration BOUND = Duration.ofSeconds(15);

    private final List<AsyncDatabase> extra = new ArrayList<>();

    @Override
    protected List<Class<?>> entities() {
        return List.of(Author.class, Article.class, Tag.class);
    }

    @AfterEach
    void closeExtra() {
        extra.forEach(database -> database.close().block(TIMEOUT));
        extra.clear();
    }

    /** Another database on the same data, or null where a second one would see other data (SQLite in memory). */
    private AsyncDatabase observer(String url, int poolSize) {
        return target == TestDatabase.SQLITE_MEMORY ? null : open(url, poolSize);
    }

    private AsyncDatabase open(String url, int poolSize) {
        AsyncDatabase database = new AsyncDatabase(entities());
        extra.add(database);
        database.bind(target.provider(), url, Map.of("pool.maxSize", poolSize)).block(TIMEOUT);
        database.generateMapping(true, true).block(TIMEOUT);
        return database;
    }

    @Test
    void sessionsCancelledAtRandomPointsLeaveEveryConnectionIdleOutsideATransactionAndUsable() {
        String url = target.url();
        AsyncDatabase small = open(url, POOL_SIZE);
        AsyncDatabase observer = observer(url, 2);
        small.session(s -> Flux.range(0, 300).doOnNext(i -> s.add(new Author("seed" + i))).then()).block(TIMEOUT);
        Random random = new Random(8);
        for (int round = 0; round < 60; round++) {
            int point = random.nextInt(5);
            Mono<?> work = switch (point) {
                // before BEGIN: cancelled while the connection is acquired
                case 0 -> small.session(s -> Mono.empty());
                // after BEGIN: the session waits, then writes
                case 1 -> small.session(s -> Mono.delay(Duration.ofMillis(random.nextInt(5)))
                        .then(small.execute("UPDATE author SET email = 'x' WHERE id < 10")));
                // mid-statement: a query of 300 rows
                case 2 -> small.session(s -> small.aselect(Author.class).stream().count());
                // mid-flush: 50 new objects
                case 3 -> small.session(s -> Flux.range(0, 50).doOnNext(i -> s.add(new Author("flush" + i))).then());
                // mid-commit: a small change, committed as the cancel comes
                default -> small.session(s -> small.aselect(Author.class).filter(Author_.name.eq("seed1")).get()
                        .doOnNext(author -> author.email = "c"));
            };
            Disposable running = work.subscribe(value -> { }, error -> { });
            LockSupport.parkNanos(random.nextInt(3_000_000));
            running.dispose();
        }
        // also plain statements cancelled mid-result
        for (int round = 0; round < 20; round++) {
            Disposable running = small.aselect(Author.class).stream().subscribe(value -> { }, error -> { });
            LockSupport.parkNanos(random.nextInt(3_000_000));
            running.dispose();
        }
        assertEveryConnectionUsable(small, POOL_SIZE, observer);
    }

    @Test
    void aSessionCancelledWhileItsBeginIsAnsweredNeverLeavesItsConnectionInATransaction() {
        String url = target.url();
        AsyncDatabase small = open(url, 1);
        AsyncDatabase observer = observer(url, 1);
        Random random = new Random(81);
        for (int round = 0; round < 40; round++) {
            Disposable running = small.session(s -> Mono.never()).subscribe(value -> { }, error -> { });
            LockSupport.parkNanos(random.nextInt(2_000_000));
            running.dispose();
        }
        assertEveryConnectionUsable(small, 1, observer);
    }

    @Test
    void aQueryCancelledBeforeItsResultArrivesLeavesNoConnectionStuck() {
        String url = target.url();
        AsyncDatabase small = open(url, 1);
        AsyncDatabase observer = observer(url, 1);
        small.session(s -> Flux.range(0, 200).doOnNext(i -> s.add(new Author("row" + i))).then()).block(TIMEOUT);
        Random random = new Random(82);
        for (int round = 0; round < 300; round++) {
            // no parameters: PostgreSQL's simple query protocol, the case that got stuck
            Disposable running = small.selectRaw("SELECT * FROM author").subscribe(value -> { }, error -> { });
            LockSupport.parkNanos(random.nextInt(round % 2 == 0 ? 100_000 : 800_000));
            running.dispose();
            Disposable streaming = small.aselect(Author.class).stream().take(2).subscribe(value -> { }, error -> { });
            LockSupport.parkNanos(random.nextInt(round % 2 == 0 ? 100_000 : 800_000));
            streaming.dispose();
        }
        assertThat(small.selectRaw("SELECT COUNT(*) AS n FROM author").block(BOUND)).hasSize(1);
        assertEveryConnectionUsable(small, 1, observer);
    }

    /**
     * Every connection of the pool at once: each answers a query, is in auto-commit mode, and a write
     * on it is seen from another database's connection.
     */
    private void assertEveryConnectionUsable(AsyncDatabase small, int poolSize, AsyncDatabase observer) {
        List<Connection> connections = Flux.range(0, poolSize).flatMap(i -> small.getConnection()).collectList()
                .block(BOUND);
        assertThat(connections).isNotNull();
        try {
            int n = 0;
            for (Connection connection : connections) {
                n++;
                assertThat(connection.isAutoCommit()).as("connection %d is outside a transaction", n).isTrue();
                String name = "probe" + n;
                Long changed = Flux.from(connection.createStatement("INSERT INTO author (name) VALUES ('" + name + "')")
                        .execute()).flatMap(result -> result.getRowsUpdated()).reduce(0L, Long::sum).block(BOUND);
                assertThat(changed).isEqualTo(1L);
                if (observer != null) {
                    assertThat(observer.aselect(Author.class).filter(Author_.name.eq(name)).count().block(BOUND))
                            .as("a write on connection %d is seen from another connection", n).isEqualTo(1L);
                }
            }
        } finally {
            Flux.fromIterable(connections).concatMap(Connection::close).then().block(BOUND);
        }
        Long plain = small.execute("INSERT INTO author (name) VALUES ('plain')").block(BOUND);
        assertThat(plain).isEqualTo(1L);
        AsyncDatabase reader = observer == null ? small : observer;
        assertThat(reader.aselect(Author.class).filter(Author_.name.eq("plain")).count().block(BOUND)).isEqualTo(1L);
    }

}
