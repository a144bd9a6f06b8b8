package io.nextorm.internal.sqlite;

import io.r2dbc.spi.R2dbcTimeoutException;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * SQLite's one-writer rule kept in the adapter: one lock per database file, taken (first come,
 * first served) before a write transaction begins or an auto-commit write runs, and given back when
 * it ends. Writers therefore queue here instead of spinning in SQLite's busy handler and failing
 * with SQLITE_BUSY. Only the connections' own threads wait on it.
 */
final class SqliteWriteLock {

    private static final Map<String, SqliteWriteLock> FILES = new ConcurrentHashMap<>();

    private final String database;
    private final Semaphore permit = new Semaphore(1, true);

    private SqliteWriteLock(String database) {
        this.database = database;
    }

    /**
     * The lock of a database file, shared by every factory in this JVM that opens it.
     *
     * @param canonicalPath the file's canonical path
     * @return its lock
     */
    static SqliteWriteLock ofFile(String canonicalPath) {
        return FILES.computeIfAbsent(canonicalPath, SqliteWriteLock::new);
    }

    /**
     * A lock of its own, for a private database.
     *
     * @param database the database's name, for messages
     * @return a new lock
     */
    static SqliteWriteLock of(String database) {
        return new SqliteWriteLock(database);
    }

    /**
     * Waits for the lock, on a connection's thread.
     *
     * @param timeout how long to wait
     * @throws R2dbcTimeoutException when another connection kept it longer
     * @throws InterruptedException when the thread is interrupted
     */
    void acquire(Duration timeout) throws InterruptedException {
        if (!permit.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new R2dbcTimeoutException("Waited " + timeout.toMillis() + " ms for the write lock of the SQLite database "
                    + database + ": another connection's write transaction kept it. SQLite allows one writer at a time;"
                    + " keep write transactions short, do not wait inside one for another connection's write, or raise"
                    + " the busyTimeout option");
        }
    }

    /** Gives the lock back. */
    void release() {
        permit.release();
    }
}
