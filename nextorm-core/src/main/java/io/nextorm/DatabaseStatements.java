package io.nextorm;

import io.nextorm.internal.database.DatabaseState;
import io.nextorm.spi.SessionListener;
import io.nextorm.spi.StatementListener;
import reactor.core.publisher.Mono;
import java.util.List;
import java.util.Map;

/**
 * The statement side of an {@link AsyncDatabase}: plain SQL, the SQL last sent, statistics and the
 * statement and session listeners. {@code AsyncDatabase} is the public type; these methods are
 * part of it and keep their state across {@code close()} and {@code bind()}.
 */
abstract class DatabaseStatements {

    /** The database's state for its whole life: mapping, statistics, listeners, the bound runtime. */
    final DatabaseState state = new DatabaseState();

    DatabaseStatements() {
    }

    /**
     * Runs SQL with {@code ?} placeholders (on every database) and returns the affected rows.
     *
     * <pre>{@code
     * db.execute("DELETE FROM session WHERE expires_at < ?", cutoff)
     * }</pre>
     *
     * @param sql the SQL
     * @param args one argument per {@code ?}
     * @return the number of affected rows
     */
    public Mono<Long> execute(String sql, Object... args) {
        return state.execute(sql, args);
    }

    /**
     * Runs a SELECT with {@code ?} placeholders and returns its rows as maps from column label (as
     * the driver reports it, looked up without regard to case) to value.
     *
     * @param sql the SQL
     * @param args one argument per {@code ?}
     * @return the rows
     */
    public Mono<List<Map<String, Object>>> selectRaw(String sql, Object... args) {
        return state.selectRaw(sql, args);
    }

    /**
     * The SQL text of the last statement sent (never its values).
     *
     * @return the SQL, or null before the first
     */
    public String lastSql() {
        return state.observers().lastSql();
    }

    /**
     * A snapshot of this database's statistics since the last clear, keyed by SQL. Statistics
     * outlive {@link AsyncDatabase#close()}: a database bound again goes on counting.
     *
     * @return an unmodifiable copy
     */
    public Map<String, QueryStat> localStats() {
        return state.observers().statistics().snapshot();
    }

    /**
     * Forgets this database's statistics.
     */
    public void clearLocalStats() {
        state.observers().statistics().clear();
    }

    /**
     * Adds this database's statistics into {@link QueryStats#global()} and clears them.
     */
    public void mergeLocalStats() {
        QueryStats.merge(state.observers().statistics().drain());
    }

    /**
     * Adds a listener told about every statement this database sends (the hook for metrics). May
     * be called at any time, also before {@link AsyncDatabase#bind}; it stays across {@link AsyncDatabase#close()} and a
     * later bind, until {@link #removeStatementListener removed}.
     *
     * <pre>{@code
     * db.addStatementListener(info -> slow.record(info.duration()));
     * }</pre>
     *
     * @param listener the listener
     * @throws IllegalArgumentException for null
     */
    public void addStatementListener(StatementListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("addStatementListener() needs a listener, got null");
        }
        state.observers().add(listener);
    }

    /**
     * Removes a statement listener; it is told about no statement that starts finishing later.
     *
     * @param listener a listener given to {@link #addStatementListener}
     * @return whether it was added (and is now removed); false for one never added or null
     */
    public boolean removeStatementListener(StatementListener listener) {
        return listener != null && state.observers().remove(listener);
    }

    /**
     * Adds a listener told about this database's sessions, their commits and rollbacks, and failed
     * optimistic checks (the hook for session metrics). May be called at any time, also before
     * {@link AsyncDatabase#bind}; it applies from the next event on.
     *
     * <pre>{@code
     * db.addSessionListener(new SessionListener() {
     *     public void committed() { commits.increment(); }
     * });
     * }</pre>
     *
     * @param listener the listener
     * @throws IllegalArgumentException for null
     */
    public void addSessionListener(SessionListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("addSessionListener() needs a listener, got null");
        }
        state.sessionListeners().add(listener);
    }

    /**
     * Removes a session listener; it is told about no later event.
     *
     * @param listener a listener given to {@link #addSessionListener}
     * @return whether it was added (and is now removed); false for one never added or null
     */
    public boolean removeSessionListener(SessionListener listener) {
        return listener != null && state.sessionListeners().remove(listener);
    }
}
