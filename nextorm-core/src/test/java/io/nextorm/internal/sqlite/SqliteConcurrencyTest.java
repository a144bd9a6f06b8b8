package io.nextorm.internal.sqlite;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Option;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.Result;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One writer at a time: concurrent write transactions queue instead of failing with SQLITE_BUSY. */
class SqliteConcurrencyTest extends SqliteTestSupport {

    private static final int SESSIONS = 64;

    private static final TransactionDefinition SERIALIZABLE = new TransactionDefinition() {
        @Override
        @SuppressWarnings("unchecked")
        public <T> T getAttribute(Option<T> option) {
            return option.equals(TransactionDefinition.ISOLATION_LEVEL) ? (T) IsolationLevel.SERIALIZABLE : null;
        }
    };

    /** A SERIALIZABLE read-modify-write transaction: a lost update would show in the final counter. */
    private static Mono<Void> increment(ConnectionFactory connectionFactory, int session) {
        return Mono.usingWhen(connectionFactory.create(), connection -> Mono.from(connection.beginTransaction(SERIALIZABLE))
                .then(Flux.from(connection.createStatement("SELECT n FROM counter").execute())
                        .concatMap(result -> result.map(row -> row.get(0, Long.class))).single())
                .flatMap(n -> Flux.from(connection.createStatement("UPDATE counter SET n = ?").bind(0, n + 1).execute())
                        .concatMap(Result::getRowsUpdated).then())
                .then(Flux.from(connection.createStatement("INSERT INTO log (session) VALUES (?)").bind(0, session)
                        .execute()).concatMap(Result::getRowsUpdated).then())
                .then(Mono.from(connection.commitTransaction())), Connection::close)
                .subscribeOn(Schedulers.parallel());
    }

    private void concurrentTransactionsAllSucceed(ConnectionFactory connectionFactory) {
        Connection setup = connect(connectionFactory);
        update(setup, "CREATE TABLE counter (n BIGINT)");
        update(setup, "CREATE TABLE log (id INTEGER PRIMARY KEY, session INTEGER)");
        update(setup, "INSERT INTO counter VALUES (0)");
        Flux.range(0, SESSIONS).flatMap(session -> increment(connectionFactory, session), SESSIONS)
                .then().block(Duration.ofSeconds(60));
        assertThat(column(setup, "SELECT n FROM counter")).containsExactly((long) SESSIONS);
        assertThat(column(setup, "SELECT count(DISTINCT session) FROM log")).containsExactly(SESSIONS);
    }

    @Test
    void sixtyFourConcurrentTransactionsWritingTheSameFileAllSucceed() {
        concurrentTransactionsAllSucceed(factory);
    }

    @Test
    void sixtyFourConcurrentTransactionsThroughThePoolAllSucceed() {
        concurrentTransactionsAllSucceed(ConnectionFactories.get("r2dbc:pool:sqlite://" + directory.resolve("pool.db")
                + "?maxSize=16"));
    }

    @Test
    void twoFactoriesOfOneFileShareItsWriteLock() {
        String url = "r2dbc:sqlite://" + directory.resolve("shared.db");
        ConnectionFactory first = ConnectionFactories.get(url);
        ConnectionFactory second = ConnectionFactories.get(url);
        Connection setup = connect(first);
        update(setup, "CREATE TABLE counter (n BIGINT)");
        update(setup, "CREATE TABLE log (id INTEGER PRIMARY KEY, session INTEGER)");
        update(setup, "INSERT INTO counter VALUES (0)");
        Flux.range(0, SESSIONS).flatMap(i -> increment(i % 2 == 0 ? first : second, i), SESSIONS)
                .then().block(Duration.ofSeconds(60));
        assertThat(column(setup, "SELECT n FROM counter")).containsExactly((long) SESSIONS);
    }

    @Test
    void sixtyFourConcurrentReadCommittedTransactionsAllSucceed() {
        Connection setup = connect();
        update(setup, "CREATE TABLE counter (n BIGINT)");
        update(setup, "CREATE TABLE log (id INTEGER PRIMARY KEY, session INTEGER)");
        update(setup, "INSERT INTO counter VALUES (0)");
        Flux.range(0, SESSIONS).flatMap(session -> Mono.usingWhen(factory.create(),
                        connection -> Mono.from(connection.beginTransaction())
                                .then(Flux.from(connection.createStatement("SELECT count(*) FROM log").execute())
                                        .concatMap(result -> result.map(row -> row.get(0))).then())
                                .then(Flux.from(connection.createStatement("UPDATE counter SET n = n + 1").execute())
                                        .concatMap(Result::getRowsUpdated).then())
                                .then(Flux.from(connection.createStatement("INSERT INTO log (session) VALUES (?)")
                                        .bind(0, session).execute()).concatMap(Result::getRowsUpdated).then())
                                .then(Mono.from(connection.commitTransaction())),
                        Connection::close).subscribeOn(Schedulers.parallel()), SESSIONS)
                .then().block(Duration.ofSeconds(60));
        assertThat(column(setup, "SELECT n FROM counter")).containsExactly((long) SESSIONS);
        assertThat(column(setup, "SELECT count(*) FROM log")).containsExactly(SESSIONS);
    }

    @Test
    void aTransactionThatOnlyReadBlocksNoWriterAndItsFirstWriteSeesTheLatestCommit() {
        Connection late = connect();
        Connection early = connect();
        update(late, "CREATE TABLE t (id INTEGER PRIMARY KEY, version INTEGER)");
        update(late, "INSERT INTO t VALUES (1, 1)");
        Mono.from(late.beginTransaction()).block();
        assertThat(column(late, "SELECT version FROM t")).containsExactly(1);
        Mono.from(early.beginTransaction()).block();
        assertThat(update(early, "UPDATE t SET version = 2 WHERE version = 1")).isEqualTo(1);
        Mono.from(early.commitTransaction()).block(Duration.ofSeconds(5));
        // as on PostgreSQL's READ COMMITTED: the optimistic check of the late writer finds no row
        assertThat(update(late, "UPDATE t SET version = 2 WHERE version = 1")).isZero();
        Mono.from(late.commitTransaction()).block();
        assertThat(column(early, "SELECT version FROM t")).containsExactly(2);
    }

    @Test
    void concurrentAutoCommitWritesAllSucceed() {
        Connection setup = connect();
        update(setup, "CREATE TABLE log (id INTEGER PRIMARY KEY, session INTEGER)");
        Flux.range(0, SESSIONS).flatMap(session -> Mono.usingWhen(factory.create(),
                        connection -> Flux.from(connection.createStatement("INSERT INTO log (session) VALUES (?)")
                                .bind(0, session).execute()).concatMap(Result::getRowsUpdated).then(),
                        Connection::close).subscribeOn(Schedulers.parallel()), SESSIONS)
                .then().block(Duration.ofSeconds(60));
        assertThat(column(setup, "SELECT count(*) FROM log")).containsExactly(SESSIONS);
    }

    @Test
    void memoryDatabaseIsSharedByPooledConnectionsAndTakesConcurrentWriters() {
        ConnectionFactory pool = ConnectionFactories.get("r2dbc:pool:sqlite:///:memory:?maxSize=8");
        Connection first = connect(pool);
        Connection second = connect(pool);
        update(first, "CREATE TABLE counter (n BIGINT)");
        update(first, "CREATE TABLE log (id INTEGER PRIMARY KEY, session INTEGER)");
        update(second, "INSERT INTO counter VALUES (0)");
        assertThat(column(first, "SELECT n FROM counter")).containsExactly(0L);
        Flux.range(0, SESSIONS).flatMap(session -> increment(pool, session), SESSIONS).then().block(Duration.ofSeconds(60));
        assertThat(column(second, "SELECT n FROM counter")).containsExactly((long) SESSIONS);
    }

    @Test
    void readersGoOnWhileAWriteTransactionIsOpen() {
        Connection writer = connect();
        Connection reader = connect();
        update(writer, "CREATE TABLE t (x INTEGER)");
        update(writer, "INSERT INTO t VALUES (1)");
        Mono.from(writer.beginTransaction()).block();
        update(writer, "INSERT INTO t VALUES (2)");
        long start = System.nanoTime();
        assertThat(column(reader, "SELECT x FROM t")).containsExactly(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        Mono.from(writer.commitTransaction()).block();
        assertThat(column(reader, "SELECT x FROM t ORDER BY x")).containsExactly(1, 2);
    }

    @Test
    void aWriterThatWaitsLongerThanTheBusyTimeoutFailsWithAClearError() {
        SqliteConnectionFactory impatient = SqliteConnectionFactory.of(directory.resolve("test.db").toString(),
                Duration.ofMillis(200), true);
        Connection holder = connect();
        Connection waiter = connect(impatient);
        update(holder, "CREATE TABLE t (x INTEGER)");
        Mono.from(holder.beginTransaction()).block();
        update(holder, "INSERT INTO t VALUES (0)");
        assertThatThrownBy(() -> update(waiter, "INSERT INTO t VALUES (1)"))
                .isInstanceOf(R2dbcTimeoutException.class)
                .hasMessageContaining("Waited 200 ms for the write lock of the SQLite database")
                .hasMessageContaining("one writer at a time");
        assertThatThrownBy(() -> Mono.from(waiter.beginTransaction(SERIALIZABLE)).block())
                .isInstanceOf(R2dbcTimeoutException.class);
        Mono.from(holder.rollbackTransaction()).block();
        assertThat(update(waiter, "INSERT INTO t VALUES (1)")).isEqualTo(1);
    }

    @Test
    void closingAConnectionInATransactionRollsBackAndFreesTheWriteLock() {
        Connection holder = connect();
        Connection next = connect();
        update(holder, "CREATE TABLE t (x INTEGER)");
        Mono.from(holder.beginTransaction()).block();
        update(holder, "INSERT INTO t VALUES (1)");
        Mono.from(holder.close()).block();
        assertThat(update(next, "INSERT INTO t VALUES (2)")).isEqualTo(1);
        List<Object> rows = column(next, "SELECT x FROM t");
        assertThat(rows).containsExactly(2);
    }
}
