package io.nextorm.internal.execution;

import io.nextorm.dialect.Dialect;
import io.nextorm.internal.sql.SqlStatement;
import io.nextorm.internal.sql.TypedNull;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.function.Function;

/**
 * Sends statements on a connection: binds parameters through the dialect, maps rows, records
 * statistics and the last SQL, tells listeners, and wraps driver errors with the SQL text (never
 * the values). Nothing happens before subscription.
 */
public final class StatementExecutor {

    private final Dialect dialect;
    private final StatementObservers observers;

    /**
     * Creates an executor with observers of its own.
     *
     * @param dialect the database's dialect
     */
    public StatementExecutor(Dialect dialect) {
        this(dialect, new StatementObservers());
    }

    /**
     * Creates an executor that records into a database's observers.
     *
     * @param dialect the database's dialect
     * @param observers the statistics, last SQL and listeners, which outlive this executor
     */
    public StatementExecutor(Dialect dialect, StatementObservers observers) {
        this.dialect = dialect;
        this.observers = observers;
    }

    /**
     * The dialect.
     *
     * @return the dialect
     */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * The statistics of this database.
     *
     * @return the statistics
     */
    public QueryStatistics statistics() {
        return observers.statistics();
    }

    /**
     * The last SQL text sent.
     *
     * @return the SQL, or null before the first statement
     */
    public String lastSql() {
        return observers.lastSql();
    }

    /**
     * Runs a query and maps its rows.
     *
     * @param connection the connection
     * @param statement the statement
     * @param mapper maps one row (a {@link io.r2dbc.spi.Row}; {@code Row.getMetadata()} has its columns)
     * @param <T> the mapped type
     * @return the mapped rows
     */
    public <T> Flux<T> query(Connection connection, SqlStatement statement, Function<? super Readable, T> mapper) {
        return run(connection, statement, () -> {
            Statement prepared = prepare(connection, statement);
            return Flux.from(prepared.execute()).concatMap(result -> result.map(mapper));
        }, true);
    }

    /**
     * Runs a query whose rows may be far more than fit in memory and maps them as they are demanded:
     * the driver is asked for {@code fetchSize} rows at a time ({@link Statement#fetchSize}: a
     * portal fetched in steps on PostgreSQL, a cursor on MariaDB, no effect where the driver streams by
     * itself), and rows are requested from it in steps of the same size, so no more than about that
     * many rows are held at once however long the result.
     *
     * @param connection the connection
     * @param statement the statement
     * @param mapper maps one row
     * @param fetchSize rows per round trip, at least 1
     * @param <T> the mapped type
     * @return the mapped rows
     */
    public <T> Flux<T> stream(Connection connection, SqlStatement statement, Function<? super Readable, T> mapper,
                              int fetchSize) {
        return run(connection, statement, () -> {
            Statement prepared = prepare(connection, statement).fetchSize(fetchSize);
            return Flux.from(prepared.execute()).concatMap(result -> Flux.from(result.map(mapper)).limitRate(fetchSize), 1);
        }, true);
    }

    /**
     * Runs a statement and sums the rows it changed.
     *
     * @param connection the connection
     * @param statement the statement
     * @return the number of changed rows
     */
    public Mono<Long> update(Connection connection, SqlStatement statement) {
        return run(connection, statement, () -> Flux.from(prepare(connection, statement).execute())
                .concatMap(Result::getRowsUpdated), false)
                .reduce(0L, Long::sum);
    }

    /**
     * Runs statements of one SQL text as one statement with a set of bindings each
     * ({@link Statement#add()}): one round trip. Each set counts as one execution in the statistics
     * and for the listeners.
     *
     * @param connection the connection
     * @param statements the statements, all with the same SQL text
     * @return the number of rows each set changed, in order
     */
    public Flux<Long> updateEach(Connection connection, List<SqlStatement> statements) {
        SqlStatement first = statements.get(0);
        return run(connection, first, statements.size(), () -> {
            Statement prepared = connection.createStatement(first.sql());
            for (int i = 0; i < statements.size(); i++) {
                if (i > 0) {
                    prepared.add();
                }
                bind(prepared, statements.get(i).parameters());
            }
            return Flux.from(prepared.execute()).concatMap(Result::getRowsUpdated);
        }, false);
    }

    /**
     * Runs an INSERT and returns the generated keys, one per inserted row, in order.
     *
     * @param connection the connection
     * @param statement the INSERT
     * @param keyColumn the generated key column
     * @param keyReader reads the key from the generated-values row
     * @param <K> the key type
     * @return the keys
     */
    public <K> Flux<K> insertReturningKeys(Connection connection, SqlStatement statement, String keyColumn,
                                           Function<Readable, K> keyReader) {
        return run(connection, statement, () -> {
            Statement prepared = prepare(connection, statement).returnGeneratedValues(keyColumn);
            return Flux.from(prepared.execute()).concatMap(result -> result.map(keyReader));
        }, true);
    }

    private <T> Flux<T> run(Connection connection, SqlStatement statement, java.util.function.Supplier<Flux<T>> work,
                            boolean countElements) {
        return run(connection, statement, 1, work, countElements);
    }

    /** Runs work for {@code executions} sets of bindings of one statement, recorded as that many executions. */
    private <T> Flux<T> run(Connection connection, SqlStatement statement, int executions,
                            java.util.function.Supplier<Flux<T>> work, boolean countElements) {
        // a Result the driver delivered after the cancel, or queued behind the current one, is cancelled
        // instead of left unsubscribed at the head of the connection's queue (jOOQ #20112, r2dbc-postgresql #459)
        return new StatementRun<>(connection, statement, executions, work, countElements, dialect, observers)
                .doOnDiscard(Result.class, StatementExecutor::cancelRows);
    }

    private static void cancelRows(Result result) {
        try {
            Flux.from(result.map((row, metadata) -> Boolean.TRUE)).subscribe(new BaseSubscriber<Boolean>() {
                @Override
                protected void hookOnSubscribe(Subscription subscription) {
                    subscription.cancel();
                }
            });
        } catch (RuntimeException e) {
            // a Result already consumed or closed refuses a second subscriber: nothing is left to cancel
        }
    }

    private Statement prepare(Connection connection, SqlStatement statement) {
        Statement prepared = connection.createStatement(statement.sql());
        bind(prepared, statement.parameters());
        return prepared;
    }

    private void bind(Statement prepared, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof TypedNull typedNull) {
                prepared.bindNull(i, dialect.databaseType(typedNull.type()));
            } else {
                prepared.bind(i, dialect.toDatabase(value));
            }
        }
    }
}
