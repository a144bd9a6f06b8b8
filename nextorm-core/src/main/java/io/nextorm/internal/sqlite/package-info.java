/**
 * The {@code sqlite} R2DBC driver: the xerial sqlite-jdbc driver run on threads of its own, as
 * Python's aiosqlite runs sqlite3.
 * <p>
 * Each connection has one dedicated thread ({@code nextorm-sqlite-N}) that makes all of its JDBC
 * calls; a caller (a Reactor event loop, a parallel scheduler, any thread) only queues work and is
 * signalled from that thread, so it never blocks. Rows are fetched as they are requested and a
 * cancelled result closes its JDBC result set and statement. SQLite allows one writer at a time:
 * file databases run in WAL mode so readers go on while a writer writes, every write transaction
 * ({@code BEGIN IMMEDIATE}) and auto-commit write first takes the file's write lock, first come first
 * served, and SQLite's {@code busy_timeout} covers other processes, so concurrent writers queue
 * instead of failing with SQLITE_BUSY. Errors are R2DBC exceptions chosen by SQLite result code.
 * <p>
 * Entry points: {@link io.nextorm.internal.sqlite.SqliteConnectionFactoryProvider} (URLs and
 * options) and {@link io.nextorm.internal.sqlite.SqliteConnectionFactory}. Value storage formats
 * are described on {@code SqliteValues}, column types on {@code SqliteColumnMetadata}, parameter
 * markers on {@code SqliteStatement}.
 */
package io.nextorm.internal.sqlite;
