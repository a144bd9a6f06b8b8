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
 * ({@link SqliteWorker}). Transactions are SQLite's: {@code BEGIN IMMEDIATE} after taking the
 * database's write lock ({@link SqliteWriteLock}), so concurrent write transactions queue instead of
 * failing with SQLITE_BUSY; a read-only transaction is {@code BEGIN DEFERRED} with
 * {@code PRAGMA query_only} and takes no lock. SQLite transactions are always SERIALIZABLE.
 * Savepoints begin a transaction when none is open. Use these methods, not BEGIN/COMMIT text, to
 * control transactions.
 */
final class SqliteConnection implements Connection {

    private final java.sql.Connection jdbc;
    private final SqliteWorker worker;
    private final SqliteOptions options;
    private final ConnectionMetadata metadata;
    private volatile boolean closed;
    private volatile boolean autoCommit = true;
    private volatile boolean inTransaction;
    private volatile Duration lockWaitTimeout;
    private volatile Duration statementTimeout = Duration.ZERO;
    private boolean holdsLock;
    private boolean readOnly;
    private SqliteCursor openCursor;

    SqliteConnection(java.sql.Connection jdbc, SqliteWorker worker, SqliteOptions options, String version) {
        this.jdbc = jdbc;
        this.worker = worker;
        this.options = options;
        this.lockWaitTimeout = options.busyTimeout();
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
            abandonCursor("the next statement ran");
            if (!autoCommit && !inTransaction) {
                begin(false, lockWaitTimeout);
            }
            if (writes && !inTransaction) {
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
                        openCursor = SqliteCursor.open(worker, statement, sql);
                        sink.next(SqliteResult.ofCursor(openCursor));
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

    private void abandonCursor(String next) {
        if (openCursor != null) {
            openCursor.abandon(next);
            openCursor = null;
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
        return work("BEGIN", () -> {
            if (inTransaction) {
                throw new IllegalStateException("A transaction is open on this SQLite connection already:"
                        + " commit or roll it back first, or use a savepoint to nest");
            }
            begin(readOnlyTransaction, timeout == null ? lockWaitTimeout : timeout);
        });
    }

    private void begin(boolean readOnlyTransaction, Duration timeout) throws Exception {
        abandonCursor("a transaction began");
        if (readOnlyTransaction) {
            sql("PRAGMA query_only = 1");
            sql("BEGIN DEFERRED");
            readOnly = true;
        } else {
            options.writeLock().acquire(timeout);
            try {
                sql("BEGIN IMMEDIATE");
            } catch (SQLException e) {
                options.writeLock().release();
                throw e;
            }
            holdsLock = true;
        }
        inTransaction = true;
    }

    @Override
    public Mono<Void> commitTransaction() {
        return work("COMMIT", () -> end("COMMIT"));
    }

    @Override
    public Mono<Void> rollbackTransaction() {
        return work("ROLLBACK", () -> end("ROLLBACK"));
    }

    private void end(String command) throws SQLException {
        if (!inTransaction) {
            return;
        }
        abandonCursor("the transaction ended");
        // a failed COMMIT (a deferred constraint) leaves the transaction open: roll it back next
        sql(command);
        finished();
    }

    private void finished() throws SQLException {
        inTransaction = false;
        if (holdsLock) {
            holdsLock = false;
            options.writeLock().release();
        }
        if (readOnly) {
            readOnly = false;
            sql("PRAGMA query_only = 0");
        }
    }

    @Override
    public Mono<Void> createSavepoint(String name) {
        String quoted = savepoint(name);
        return work("SAVEPOINT " + quoted, () -> {
            if (!inTransaction) {
                begin(false, lockWaitTimeout);
            }
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
            abandonCursor("the transaction rolled back to a savepoint");
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
        return autoCommit && !inTransaction;
    }

    @Override
    public Mono<Void> setAutoCommit(boolean autoCommit) {
        return work(null, () -> {
            if (autoCommit && inTransaction) {
                end("COMMIT");
            }
            this.autoCommit = autoCommit;
        });
    }

    @Override
    public IsolationLevel getTransactionIsolationLevel() {
        return IsolationLevel.SERIALIZABLE;
    }

    /**
     * {@inheritDoc} SQLite runs every transaction SERIALIZABLE, which gives every weaker level's
     * guarantees, so any level is accepted and the level stays SERIALIZABLE.
     */
    @Override
    public Mono<Void> setTransactionIsolationLevel(IsolationLevel isolationLevel) {
        if (isolationLevel == null) {
            throw new IllegalArgumentException("The isolation level must not be null");
        }
        return work(null, () -> { });
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
                    abandonCursor("the connection closed");
                    if (inTransaction) {
                        sql("ROLLBACK");
                    }
                } finally {
                    inTransaction = false;
                    if (holdsLock) {
                        holdsLock = false;
                        options.writeLock().release();
                    }
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
        try (Statement statement = jdbc.createStatement()) {
            statement.execute(sql);
        }
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
