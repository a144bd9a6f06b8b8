package io.nextorm.internal.sqlite;

import io.r2dbc.spi.Result.Segment;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open JDBC result set read on demand: each {@code request(n)} fetches at most n rows on the
 * connection's thread, and cancelling closes the result set and its statement. When the connection
 * has other work before the cursor was read to the end (a second statement run concurrently on the
 * same connection, a commit), the cursor first reads its remaining rows into memory and closes its
 * JDBC statement ({@link #spill()}); its subscriber still gets every row, on demand.
 */
final class SqliteCursor {

    private final SqliteWorker worker;
    private final PreparedStatement statement;
    private final ResultSet resultSet;
    private final SqliteRowMetadata metadata;
    private final String sql;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile FluxSink<Segment> sink;
    private boolean closed;
    private boolean subscribed;
    private String abandoned;
    private java.util.ArrayDeque<SqliteRow> spilled;

    private SqliteCursor(SqliteWorker worker, PreparedStatement statement, ResultSet resultSet,
                         SqliteRowMetadata metadata, String sql) {
        this.worker = worker;
        this.statement = statement;
        this.resultSet = resultSet;
        this.metadata = metadata;
        this.sql = sql;
    }

    /**
     * Wraps an executed statement's result set, on the connection's thread.
     *
     * @param worker the connection's thread
     * @param statement the statement
     * @param sql its text
     * @return the cursor, before its first row
     * @throws SQLException when the metadata cannot be read
     */
    static SqliteCursor open(SqliteWorker worker, PreparedStatement statement, String sql) throws SQLException {
        ResultSet resultSet = statement.getResultSet();
        return new SqliteCursor(worker, statement, resultSet, metadataOf(resultSet), sql);
    }

    /**
     * Reads a whole result set, on the connection's thread, and closes it.
     *
     * @param resultSet the result set
     * @return its rows
     * @throws SQLException when reading fails
     */
    static List<SqliteRow> readAll(ResultSet resultSet) throws SQLException {
        try (resultSet) {
            SqliteRowMetadata metadata = metadataOf(resultSet);
            List<SqliteRow> rows = new ArrayList<>();
            while (resultSet.next()) {
                rows.add(read(resultSet, metadata));
            }
            return rows;
        }
    }

    private static SqliteRowMetadata metadataOf(ResultSet resultSet) throws SQLException {
        ResultSetMetaData jdbc = resultSet.getMetaData();
        List<SqliteColumnMetadata> columns = new ArrayList<>();
        for (int i = 1; i <= jdbc.getColumnCount(); i++) {
            columns.add(new SqliteColumnMetadata(jdbc.getColumnLabel(i), jdbc.getColumnTypeName(i)));
        }
        return new SqliteRowMetadata(columns);
    }

    private static SqliteRow read(ResultSet resultSet, SqliteRowMetadata metadata) throws SQLException {
        Object[] values = new Object[metadata.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = resultSet.getObject(i + 1);
        }
        return new SqliteRow(metadata, values);
    }

    /**
     * The rows as segments; one subscriber only.
     *
     * @return the rows, fetched as requested
     */
    Flux<Segment> segments() {
        return Flux.create(sink -> {
            this.sink = sink;
            sink.onRequest(n -> schedule());
            sink.onDispose(() -> worker.submit(() -> {
                spilled = null;
                close();
            }, error -> { }));
            worker.submit(() -> {
                if (subscribed || abandoned != null) {
                    sink.error(new IllegalStateException(subscribed ? "This Result was consumed already"
                            : "This Result was not read before " + abandoned));
                    return;
                }
                subscribed = true;
                schedule();
            }, sink::error);
        });
    }

    private void schedule() {
        if (pending.getAndIncrement() == 0) {
            worker.submit(this::drainLoop, error -> sink.error(error));
        }
    }

    private void drainLoop() {
        int missed = 1;
        do {
            drain();
            missed = pending.addAndGet(-missed);
        } while (missed != 0);
    }

    private void drain() {
        FluxSink<Segment> target = sink;
        if (target == null || !subscribed || abandoned != null || (closed && spilled == null)) {
            return;
        }
        try {
            while (target.requestedFromDownstream() > 0 && !target.isCancelled()) {
                if (spilled != null) {
                    SqliteRow row = spilled.poll();
                    if (row == null) {
                        spilled = null;
                        target.complete();
                        return;
                    }
                    target.next(new SqliteResult.RowSegmentOf(row));
                    continue;
                }
                if (!resultSet.next()) {
                    close();
                    target.complete();
                    return;
                }
                target.next(new SqliteResult.RowSegmentOf(read(resultSet, metadata)));
            }
        } catch (Throwable e) {
            close();
            target.error(SqliteExceptions.translate(e, sql));
        }
    }

    /**
     * Reads the remaining rows into memory and closes the JDBC statement, on the connection's
     * thread, so the connection can run other work; the subscriber (now or later) still gets them.
     *
     * @throws SQLException when reading fails
     */
    void spill() throws SQLException {
        if (closed) {
            return;
        }
        java.util.ArrayDeque<SqliteRow> rows = new java.util.ArrayDeque<>();
        try {
            while (resultSet.next()) {
                rows.add(read(resultSet, metadata));
            }
        } finally {
            close();
        }
        spilled = rows;
    }

    /**
     * Closes the cursor because the connection closes, on the connection's thread; a subscriber
     * still reading gets an error.
     *
     * @param next what the connection does next, for the message
     */
    void abandon(String next) {
        if (closed && spilled == null) {
            return;
        }
        abandoned = next;
        spilled = null;
        close();
        FluxSink<Segment> target = sink;
        if (target != null && subscribed) {
            target.error(new IllegalStateException("This Result was not read to the end before " + next));
        }
    }

    /** Closes the result set and its statement, on the connection's thread. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            resultSet.close();
        } catch (SQLException ignored) {
            // closing a result set of a closed connection: nothing left to release
        }
        try {
            statement.close();
        } catch (SQLException ignored) {
            // as above
        }
    }
}
