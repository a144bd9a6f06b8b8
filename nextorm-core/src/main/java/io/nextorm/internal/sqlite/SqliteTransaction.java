package io.nextorm.internal.sqlite;

import io.r2dbc.spi.IsolationLevel;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The transaction state of one connection and the write lock it holds, used only on the
 * connection's thread (the flag {@link #isOpen()} is read from any thread). How each isolation level
 * begins and when the lock is taken is described on {@link SqliteConnection}.
 */
final class SqliteTransaction {

    private final java.sql.Connection jdbc;
    private final SqliteWriteLock writeLock;
    private volatile boolean open;
    private boolean holdsLock;
    private boolean readOnly;
    private Duration lockTimeout;

    SqliteTransaction(java.sql.Connection jdbc, SqliteWriteLock writeLock) {
        this.jdbc = jdbc;
        this.writeLock = writeLock;
    }

    /**
     * Whether a transaction is open.
     *
     * @return true between BEGIN and COMMIT/ROLLBACK
     */
    boolean isOpen() {
        return open;
    }

    /**
     * Begins a transaction.
     *
     * @param readOnlyTransaction whether writes are refused
     * @param timeout how long to wait for the write lock, now or at the first write
     * @param level the isolation level; SERIALIZABLE takes the write lock at once
     * @throws Exception when the lock or BEGIN fails
     */
    void begin(boolean readOnlyTransaction, Duration timeout, IsolationLevel level) throws Exception {
        lockTimeout = timeout;
        if (readOnlyTransaction) {
            sql("PRAGMA query_only = 1");
            sql("BEGIN DEFERRED");
            readOnly = true;
        } else if (IsolationLevel.SERIALIZABLE.equals(level)) {
            writeLock.acquire(timeout);
            try {
                sql("BEGIN IMMEDIATE");
            } catch (SQLException e) {
                writeLock.release();
                throw e;
            }
            holdsLock = true;
        } else {
            sql("BEGIN DEFERRED");
        }
        open = true;
    }

    /**
     * Makes the open transaction the writer before its first write: takes the write lock and
     * replaces the deferred transaction, which has only read, by {@code BEGIN IMMEDIATE} on the
     * latest committed state (writing from an older snapshot would fail with SQLITE_BUSY_SNAPSHOT).
     * Does nothing when the transaction writes already or is read-only (SQLite refuses its writes).
     *
     * @throws Exception when the lock or BEGIN fails
     */
    void startWriting() throws Exception {
        if (!open || holdsLock || readOnly) {
            return;
        }
        writeLock.acquire(lockTimeout);
        holdsLock = true;
        sql("COMMIT");
        try {
            sql("BEGIN IMMEDIATE");
        } catch (SQLException e) {
            // another process writes (busy_timeout ran out): stay in a transaction, without the lock
            holdsLock = false;
            writeLock.release();
            sql("BEGIN DEFERRED");
            throw e;
        }
    }

    /**
     * Ends the open transaction, if any.
     *
     * @param command COMMIT or ROLLBACK
     * @throws SQLException when it fails; a failed COMMIT (a deferred constraint) leaves the
     *                      transaction open, to be rolled back
     */
    void end(String command) throws SQLException {
        if (!open) {
            return;
        }
        sql(command);
        finished();
    }

    /** Rolls back what is open and gives the lock back, whatever fails, when the connection closes. */
    void abandon() throws SQLException {
        try {
            if (open) {
                sql("ROLLBACK");
            }
        } finally {
            open = false;
            readOnly = false;
            if (holdsLock) {
                holdsLock = false;
                writeLock.release();
            }
        }
    }

    private void finished() throws SQLException {
        open = false;
        if (holdsLock) {
            holdsLock = false;
            writeLock.release();
        }
        if (readOnly) {
            readOnly = false;
            sql("PRAGMA query_only = 0");
        }
    }

    /**
     * Runs a statement without parameters or results.
     *
     * @param sql the statement
     * @throws SQLException when it fails
     */
    void sql(String sql) throws SQLException {
        try (Statement statement = jdbc.createStatement()) {
            statement.execute(sql);
        }
    }
}
