package io.nextorm.internal.sqlite;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqlite.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows on demand, cancellation, and the threads JDBC runs on. */
class SqliteStreamingTest extends SqliteTestSupport {

    private SqliteConnection connection;
    private final AtomicInteger rowsRead = new AtomicInteger();
    private final Set<String> jdbcThreads = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void fill() {
        connection = connect();
        update(connection, "CREATE TABLE t (x INTEGER PRIMARY KEY)");
        update(connection, "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1000)"
                + " INSERT INTO t SELECT x FROM n");
        register(connection);
    }

    /** counted(x): x, counting the rows SQLite produced; thread_name(): the thread running the statement. */
    private void register(SqliteConnection target) {
        target.onJdbc(jdbc -> {
            try {
                Function.create(jdbc, "counted", new Function() {
                    @Override
                    protected void xFunc() throws SQLException {
                        rowsRead.incrementAndGet();
                        result(value_long(0));
                    }
                });
                Function.create(jdbc, "thread_name", new Function() {
                    @Override
                    protected void xFunc() throws SQLException {
                        jdbcThreads.add(Thread.currentThread().getName());
                        result(Thread.currentThread().getName());
                    }
                });
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }).block();
    }

    private Flux<Long> counted() {
        return Flux.from(connection.createStatement("SELECT counted(x) FROM t ORDER BY x").execute())
                .concatMap(result -> result.map(row -> row.get(0, Long.class)));
    }

    @Test
    void requestOneReadsOneRow() {
        StepVerifier.create(counted(), 0)
                .thenRequest(1)
                .expectNext(1L)
                .then(() -> assertThat(rowsRead.get()).isEqualTo(1))
                .thenAwait(Duration.ofMillis(100))
                .then(() -> assertThat(rowsRead.get()).isEqualTo(1))
                .thenRequest(2)
                .expectNext(2L, 3L)
                .then(() -> assertThat(rowsRead.get()).isEqualTo(3))
                .thenCancel()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void cancellingStopsTheCursorAndTheConnectionGoesOn() {
        assertThat(counted().take(5).collectList().block()).containsExactly(1L, 2L, 3L, 4L, 5L);
        // DROP TABLE fails with "database table is locked" while a statement still reads the table
        assertThat(update(connection, "DROP TABLE t")).isZero();
        assertThat(rowsRead.get()).isLessThanOrEqualTo(6);
        assertThat(column(connection, "SELECT 42")).containsExactly(42);
    }

    @Test
    void aResultNotReadBeforeTheNextStatementIsBufferedAndItsCursorClosed() {
        Result pending = Flux.from(connection.createStatement("SELECT x FROM t ORDER BY x").execute()).blockFirst();
        assertThat(column(connection, "SELECT count(*) FROM t")).containsExactly(1000);
        // the JDBC cursor is closed: DROP TABLE would fail with "database table is locked" otherwise
        assertThat(update(connection, "DROP TABLE t")).isZero();
        assertThat(Flux.from(pending.map(row -> row.get(0, Integer.class))).collectList().block())
                .hasSize(1000).startsWith(1, 2).endsWith(1000);
    }

    @Test
    void twoStatementsRunConcurrentlyOnOneConnectionBothGetTheirRows() {
        Flux<Long> first = counted();
        Flux<Integer> second = Flux.from(connection.createStatement("SELECT x FROM t WHERE x <= 3 ORDER BY x").execute())
                .concatMap(result -> result.map(row -> row.get(0, Integer.class)));
        var both = reactor.core.publisher.Mono.zip(first.collectList(), second.collectList()).block(Duration.ofSeconds(10));
        assertThat(both.getT1()).hasSize(1000);
        assertThat(both.getT2()).containsExactly(1, 2, 3);
    }

    @Test
    void closingTheConnectionEndsAResultStillBeingRead() {
        StepVerifier.create(counted(), 1)
                .expectNext(1L)
                .then(() -> reactor.core.publisher.Mono.from(connection.close()).block())
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("connection closed"))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void cancellingBeforeTheFirstResultLeavesNoCursorOpen() {
        Flux.from(connection.createStatement("SELECT counted(x) FROM t").execute()).take(0).blockLast();
        assertThat(update(connection, "DROP TABLE t")).isZero();
        assertThat(rowsRead.get()).isZero();
    }

    @Test
    void aResultCanBeConsumedOnce() {
        Result result = Flux.from(connection.createStatement("SELECT x FROM t WHERE x < 3").execute()).blockFirst();
        assertThat(Flux.from(result.map(row -> row.get(0))).collectList().block()).containsExactly(1, 2);
        StepVerifier.create(result.map(row -> row.get(0)))
                .expectErrorMessage("This Result was consumed already: a Result can be consumed once")
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void noStatementRunsOnAReactorThread() {
        List<String> names = Flux.range(0, 50)
                .flatMap(i -> Mono.defer(() -> Mono.from(connection.createStatement("SELECT thread_name()").execute()))
                        .flatMap(result -> Mono.from(result.map(row -> row.get(0, String.class))))
                        .subscribeOn(i % 2 == 0 ? Schedulers.parallel() : Schedulers.single()), 1)
                .collectList().block(Duration.ofSeconds(30));
        assertThat(names).hasSize(50);
        assertThat(jdbcThreads).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith("nextorm-sqlite-")
                .doesNotStartWith("reactor-").doesNotStartWith("parallel-").doesNotStartWith("single-"));
        assertThat(names).allSatisfy(name -> assertThat(name).startsWith("nextorm-sqlite-"));
    }

    @Test
    void statementsThroughThePoolRunOnTheAdaptersThreadsToo() {
        ConnectionFactory pool = ConnectionFactories.get("r2dbc:pool:sqlite://" + directory.resolve("pool.db")
                + "?maxSize=4");
        List<String> names = Flux.range(0, 40)
                .flatMap(i -> Flux.usingWhen(pool.create(),
                        pooled -> Flux.from(pooled.createStatement("SELECT sqlite_version()").execute())
                                .concatMap(result -> result.map(row -> Thread.currentThread().getName())),
                        Connection::close).subscribeOn(Schedulers.parallel()), 8)
                .collectList().block(Duration.ofSeconds(30));
        assertThat(names).hasSize(40).allSatisfy(name -> assertThat(name).startsWith("nextorm-sqlite-"));
    }

    @Test
    void aSlowStatementDoesNotBlockTheSubscribingThread() throws Exception {
        connection.onJdbc(jdbc -> {
            try {
                Function.create(jdbc, "slow", new Function() {
                    @Override
                    protected void xFunc() throws SQLException {
                        try {
                            Thread.sleep(500);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        result(1);
                    }
                });
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }).block();
        CountDownLatch subscribed = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        long[] subscribeMillis = new long[1];
        Schedulers.parallel().schedule(() -> {
            long start = System.nanoTime();
            Flux.from(connection.createStatement("SELECT slow()").execute())
                    .concatMap(result -> result.map(row -> row.get(0)))
                    .doOnComplete(done::countDown)
                    .subscribe();
            subscribeMillis[0] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            subscribed.countDown();
        });
        assertThat(subscribed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(subscribeMillis[0]).isLessThan(200);
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void manyRowsStreamInOrder() {
        assertThat(counted().collectList().block()).hasSize(1000).startsWith(1L, 2L).endsWith(1000L);
        assertThat(rowsRead.get()).isEqualTo(1000);
    }
}
