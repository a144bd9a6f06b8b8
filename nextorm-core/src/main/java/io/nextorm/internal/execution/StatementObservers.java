package io.nextorm.internal.execution;

import io.nextorm.spi.StatementInfo;
import io.nextorm.spi.StatementListener;
import io.nextorm.internal.sql.SqlStatement;
import io.nextorm.internal.sql.StatementKeys;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * What a database observes of its statements and keeps for its whole life, across
 * {@code close()} and {@code bind()}: the statistics, the last SQL text and the statement
 * listeners. Every executor of the database records into the same instance. Safe for concurrent use.
 */
public final class StatementObservers {

    private final QueryStatistics statistics = new QueryStatistics();
    private final StatementKeys keys = new StatementKeys();
    private final UnaryOperator<String> keyOf = keys::keyOf;
    private final List<StatementListener> listeners = new CopyOnWriteArrayList<>();
    private volatile String lastSql;

    /**
     * The statistics.
     *
     * @return the statistics
     */
    public QueryStatistics statistics() {
        return statistics;
    }

    /**
     * The last SQL text sent.
     *
     * @return the SQL, or null before the first statement
     */
    public String lastSql() {
        return lastSql;
    }

    /**
     * Adds a listener told about every statement.
     *
     * @param listener the listener
     */
    public void add(StatementListener listener) {
        listeners.add(listener);
    }

    /**
     * Removes a listener (its first registration).
     *
     * @param listener the listener
     * @return whether it was registered
     */
    public boolean remove(StatementListener listener) {
        return listeners.remove(listener);
    }

    /**
     * A statement is about to be sent.
     *
     * @param statement the statement
     */
    void sending(SqlStatement statement) {
        String sql = statement.sql();
        // a volatile write costs a fence per statement; a warm statement's cached text is the same instance
        if (lastSql != sql) {
            lastSql = sql;
        }
    }

    /**
     * A statement finished: records its time and tells the listeners.
     *
     * @param statement the statement
     * @param nanos how long it took
     * @param rows rows returned or affected
     * @param error the error, or null
     */
    void finished(SqlStatement statement, long nanos, long rows, Throwable error) {
        statistics.recordSql(statement.sql(), keyOf, nanos);
        if (!listeners.isEmpty()) {
            String key = keys.keyOf(statement.sql());
            StatementInfo info = new StatementInfo(statement.sql(), key, statement.kind().tag(), statement.entity(),
                    Duration.ofNanos(Math.max(0, nanos)), Math.max(0, rows), error);
            for (StatementListener listener : listeners) {
                listener.executed(info);
            }
        }
    }
}
