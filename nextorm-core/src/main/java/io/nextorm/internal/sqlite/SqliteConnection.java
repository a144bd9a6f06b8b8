package io.nextorm.internal.sqlite;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.List;

/**
 * One SQLite connection: a sqlite-jdbc connection used only from its own thread
 * ({@link SqliteWorker}). Writers queue on the database's write lock ({@link SqliteWriteLock})
 * instead of failing with SQLITE_BUSY:
 * <ul>
 *   <li>READ COMMITTED (the default, as on PostgreSQL; also READ UNCOMMITTED and REPEATABLE READ):
 *       {@code BEGIN DEFERRED}, so a transaction that only read so far blocks no writer; its reads
 *       see one committed snapshot. At its first write it takes the write lock and moves to the
 *       latest committed state ({@code BEGIN IMMEDIATE} in place of the read-only transaction), so
 *       it never fails with SQLITE_BUSY_SNAPSHOT, sees what others committed meanwhile (an optimistic
 *       check then fails as on the other databases), and is the only writer until it ends;</li>
 *   <li>SERIALIZABLE: the write lock and {@code BEGIN IMMEDIATE} at once, so nothing it read can be
 *       changed by another writer before it ends (a read-modify-write is safe), at the cost of
 *       making other writers wait for the whole transaction;</li>
 *   <li>read-only: {@code BEGIN DEFERRED} with {@code PRAGMA query_only}; never takes the lock.</li>
 * </ul>
 * A savepoint takes the write lock (and begins a transaction when none is open). Use these methods,
 * not BEGIN/COMMIT text, to control transactions.
 */
final class SqliteConnection implements Connection {

    private final java.sql.Connection jdbc;
    private final SqliteWorker worker;
    private final SqliteOptions options;
    private final ConnectionMetadata metadata;
    private volatile boolean closed;
    private volatile boolean autoCommit = true;
    private volatile Duration lockWaitTimeout;
    private volatile Duration statementTimeout = Duration.ZERO;
    private volatile IsolationLevel isolationLevel = IsolationLevel.READ_COMMITTED;
    private final SqliteTransaction transaction;
    private SqliteCursor openCursor;

    SqliteConnection(java.sql.Connection jdbc, SqliteWorker worker, SqliteOptions options, String version) {
        this.jdbc = jdbc;
        this.worker = worker;
        this.options = options;
        this.lockWaitTimeout = options.busyTimeout();
        this.transaction = new SqliteTransaction(jdbc, options.writeLock());
        this.metadata = new Metadata(version);
    }

    // ---- statements

    @Override
    public SqliteStatement createStatement(String sql) {
        if (sql == null) {
            throw new IllegalArgumentException("The SQL text must not be null");
        }
        requireOpen();
        return new SqliteStatement(this, sql);
    }

    @Override
    public Batch createBatch() {
        requireOpen();
        return new SqliteBatch(this);
    }

    /**
     * A statement to run: its SQL text and its parameters' stored values (null for NULL).
     *
     * @param sql the single statement
     * @param parameters the values, by position
     * @param dml whether it is an INSERT, UPDATE, DELETE or REPLACE
     */
    record Unit(String sql, Object[] parameters, boolean dml) {
    }

    /**
     * Runs statements on the connection's thread, one result each: update counts and rows of every
     * statement but the last are read at once, the last's rows (of a read) are streamed on demand.
     *
     * @param units the statements
     * @param writes whether any of them may write (then the write lock is held while they run)
     * @return the results, in order
     */
    Flux<Result> run(List<Unit> units, boolean writes) {
        return Flux.create(sink -> worker.submit(() -> execute(units, writes, sink), sink::error));
    }

    private void execute(List<Unit> units, boolean writes, FluxSink<Result> sink) {
        String sql = units.get(0).sql();
        boolean locked = false;
        try {
            if (closed) {
                throw new IllegalStateException("The SQLite connection is closed: create a new connection");
            }
            spillCursor();
            if (sink.isCancelled()) {
                // cancelled before it ran: run nothing
                return;
            }
            if (!autoCommit && !transaction.isOpen()) {
                transaction.begin(false, lockWaitTimeout, isolationLevel);
            }
            if (writes && transaction.isOpen()) {
                transaction.startWriting();
            } else if (writes) {
                options.writeLock().acquire(lockWaitTimeout);
                locked = true;
            }
            for (int i = 0; i < units.size(); i++) {
                Unit unit = units.get(i);
                sql = unit.sql();
                boolean last = i == units.size() - 1;
                PreparedStatement statement = jdbc.prepareStatement(sql);
                try {
                    bind(statement, unit.parameters());
                    if (!statementTimeout.isZero()) {
                        statement.setQueryTimeout((int) Math.max(1, statementTimeout.toSeconds()));
                    }
                    if (!statement.execute()) {
                        // SQLite's change count is that of the last INSERT, UPDATE or DELETE: other statements change no row
                        sink.next(SqliteResult.ofCount(unit.dml() ? Math.max(0, statement.getUpdateCount()) : 0));
                        statement.close();
                    } else if (!last || unit.dml() || writes) {
                        // rows of a write are read at once, so the write (and its lock) ends with the statement
                        List<SqliteRow> rows = SqliteCursor.readAll(statement.getResultSet());
                        sink.next(SqliteResult.ofRows(rows, unit.dml() ? (long) rows.size() : null));
                        statement.close();
                    } else {
                        if (sink.isCancelled()) {
                            statement.close();
                        } else {
                            openCursor = SqliteCursor.open(worker, statement, sql);
                            sink.next(SqliteResult.ofCursor(openCursor));
                        }
                    }
                } catch (Throwable e) {
                    statement.close();
                    throw e;
                }
            }
            sink.complete();
        } catch (Throwable e) {
            sink.error(SqliteExceptions.translate(e, sql));
        } finally {
            if (locked) {
                options.writeLock().release();
            }
        }
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
    }

    /** Reads an open cursor's remaining rows into memory, so its JDBC statement does not outlive this step. */
    private void spillCursor() throws SQLException {
        if (openCursor != null) {
            SqliteCursor cursor = openCursor;
            openCursor = null;
            cursor.spill();
        }
    }

    // ---- transactions

    @Override
    public Mono<Void> beginTransaction() {
        return beginTransaction(new TransactionDefinition() {
            @Override
            public <T> T getAttribute(io.r2dbc.spi.Option<T> option) {
                return null;
            }
        });
    }

    @Override
    public Mono<Void> beginTransaction(TransactionDefinition definition) {
        if (definition == null) {
            throw new IllegalArgumentException("The transaction definition must not be null");
        }
        boolean readOnlyTransaction = Boolean.TRUE.equals(definition.getAttribute(TransactionDefinition.READ_ONLY));
        Duration timeout = definition.getAttribute(TransactionDefinition.LOCK_WAIT_TIMEOUT);
        IsolationLevel level = definition.getAttribute(TransactionDefinition.ISOLATION_LEVEL);
        return work("BEGIN", () -> {
            if (transaction.isOpen()) {
                throw new IllegalStateException("A transaction is open on this SQLite connection already:"
                        + " commit or roll it back first, or use a savepoint to nest");
            }
            spillCursor();
            transaction.begin(readOnlyTransaction, timeout == null ? lockWaitTimeout : timeout,
                    level == null ? isolationLevel : level);
        });
    }

    @Override
    public Mono<Void> commitTransaction() {
        return work("COMMIT", () -> end("COMMIT"));
    }

    private void end(String command) throws SQLException {
        if (transaction.isOpen()) {
            spillCursor();
            transaction.end(command);
        }
    }

    @Override
    public Mono<Void> rollbackTransaction() {
        return work("ROLLBACK", () -> end("ROLLBACK"));
    }

    @Override
    public Mono<Void> createSavepoint(String name) {
        String quoted = savepoint(name);
        return work("SAVEPOINT " + quoted, () -> {
            if (!transaction.isOpen()) {
                spillCursor();
                transaction.begin(false, lockWaitTimeout, isolationLevel);
            }
            // restarting the transaction at its first write would drop the savepoint: write from here
            transaction.startWriting();
            sql("SAVEPOINT " + quoted);
        });
    }

    @Override
    public Mono<Void> releaseSavepoint(String name) {
        String quoted = savepoint(name);
        return work("RELEASE SAVEPOINT " + quoted, () -> sql("RELEASE SAVEPOINT " + quoted));
    }

    @Override
    public Mono<Void> rollbackTransactionToSavepoint(String name) {
        String quoted = savepoint(name);
        return work("ROLLBACK TO SAVEPOINT " + quoted, () -> {
            spillCursor();
            sql("ROLLBACK TO SAVEPOINT " + quoted);
        });
    }

    private static String savepoint(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The savepoint name must not be null or blank");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    @Override
    public boolean isAutoCommit() {
        return autoCommit && !transaction.isOpen();
    }

    @Override
    public Mono<Void> setAutoCommit(boolean autoCommit) {
        return work(null, () -> {
            if (autoCommit && transaction.isOpen()) {
                end("COMMIT");
            }
            this.autoCommit = autoCommit;
        });
    }

    @Override
    public IsolationLevel getTransactionIsolationLevel() {
        return isolationLevel;
    }

    /**
     * {@inheritDoc} SERIALIZABLE takes the write lock at BEGIN; every other level runs as READ
     * COMMITTED (see the class description), which gives READ UNCOMMITTED's guarantees and REPEATABLE
     * READ's for what a transaction reads before its first write.
     */
    @Override
    public Mono<Void> setTransactionIsolationLevel(IsolationLevel isolationLevel) {
        if (isolationLevel == null) {
            throw new IllegalArgumentException("The isolation level must not be null");
        }
        return work(null, () -> this.isolationLevel = isolationLevel);
    }

    @Override
    public Mono<Void> setLockWaitTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("The lock wait timeout must be zero or positive, not " + timeout);
        }
        return work(null, () -> {
            lockWaitTimeout = timeout;
            sql("PRAGMA busy_timeout = " + timeout.toMillis());
        });
    }

    @Override
    public Mono<Void> setStatementTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("The statement timeout must be zero or positive, not " + timeout);
        }
        return work(null, () -> statementTimeout = timeout);
    }

    // ---- lifecycle

    @Override
    public Mono<Boolean> validate(ValidationDepth depth) {
        if (depth == null) {
            throw new IllegalArgumentException("The validation depth must not be null");
        }
        return Mono.defer(() -> {
            if (closed) {
                return Mono.just(false);
            }
            return depth == ValidationDepth.LOCAL ? Mono.just(true) : validateRemote();
        });
    }

    private Mono<Boolean> validateRemote() {
        return worker.call(() -> {
            if (closed || jdbc.isClosed()) {
                return false;
            }
            try (Statement statement = jdbc.createStatement()) {
                statement.execute("SELECT 1");
                return true;
            }
        }, null).onErrorReturn(false).defaultIfEmpty(false);
    }

    @Override
    public Mono<Void> close() {
        return Mono.defer(() -> {
            if (closed) {
                return Mono.empty();
            }
            return worker.<Void>call(() -> {
                if (closed) {
                    return null;
                }
                closed = true;
                try {
                    if (openCursor != null) {
                        openCursor.abandon("the SQLite connection closed");
                        openCursor = null;
                    }
                    transaction.abandon();
                } finally {
                    jdbc.close();
                    worker.shutdown();
                }
                return null;
            }, null).onErrorResume(IllegalStateException.class, e -> Mono.empty());
        });
    }

    @Override
    public ConnectionMetadata getMetadata() {
        return metadata;
    }

    /**
     * Runs JDBC work on the connection's thread, for tests that need the JDBC connection itself
     * (to register a function, for example).
     *
     * @param work the work
     * @return completes when it ran
     */
    Mono<Void> onJdbc(java.util.function.Consumer<java.sql.Connection> work) {
        return worker.call(() -> {
            work.accept(jdbc);
            return null;
        }, null);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("The SQLite connection is closed: create a new connection");
        }
    }

    private Mono<Void> work(String sql, ThrowingRunnable work) {
        return Mono.defer(() -> {
            requireOpen();
            return worker.call(() -> {
                if (closed) {
                    throw new IllegalStateException("The SQLite connection is closed: create a new connection");
                }
                work.run();
                return null;
            }, sql);
        });
    }

    private void sql(String sql) throws SQLException {
        transaction.sql(sql);
    }

    /** Work that may throw. */
    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /**
     * The connection's metadata.
     *
     * @param version SQLite's version
     */
    private record Metadata(String version) implements ConnectionMetadata {

        @Override
        public String getDatabaseProductName() {
            return "SQLite";
        }

        @Override
        public String getDatabaseVersion() {
            return version;
        }
    }
}
