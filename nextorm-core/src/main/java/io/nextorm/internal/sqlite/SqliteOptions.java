package io.nextorm.internal.sqlite;

import java.time.Duration;

/**
 * How a factory opens its connections.
 *
 * @param jdbcUrl the sqlite-jdbc URL
 * @param database the database file, for messages
 * @param writeLock the lock of that file
 * @param busyTimeout how long a writer waits for the write lock (and SQLite for its own locks)
 * @param foreignKeys whether foreign keys are enforced ({@code PRAGMA foreign_keys})
 * @param temporary whether the file is the private file of an in-memory database (no fsync)
 */
record SqliteOptions(String jdbcUrl, String database, SqliteWriteLock writeLock, Duration busyTimeout,
                     boolean foreignKeys, boolean temporary) {
}
