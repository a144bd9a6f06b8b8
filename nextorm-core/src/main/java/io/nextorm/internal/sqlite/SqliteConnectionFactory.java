package io.nextorm.internal.sqlite;

import io.r2dbc.spi.Closeable;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.sqlite.SQLiteConfig;
import reactor.core.publisher.Mono;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Opens SQLite connections, each with a thread of its own for its JDBC calls.
 * <pre>{@code
 * ConnectionFactory file = SqliteConnectionFactory.of("/var/data/app.db", Duration.ofSeconds(30), true);
 * ConnectionFactory memory = SqliteConnectionFactory.of(":memory:", Duration.ofSeconds(30), true);
 * // or through R2DBC: ConnectionFactories.get("r2dbc:sqlite:///var/data/app.db")
 * }</pre>
 * A file database runs in WAL mode (readers do not wait for the writer) with
 * {@code synchronous=NORMAL}; every connection enforces foreign keys (unless the option says not
 * to) and compares LIKE case-sensitively ({@code PRAGMA case_sensitive_like}), as the other
 * databases nextorm supports do. {@code ":memory:"} is one database shared by every connection of this
 * factory (a pool's connections see the same tables), private to it and gone when the factory is
 * closed or unreachable: a WAL database file of its own in {@code /dev/shm} (memory) where that
 * exists, the temporary directory otherwise. A real SQLite in-memory database cannot serve
 * concurrent connections: shared-cache mode fails readers with SQLITE_LOCKED while a writer's
 * transaction is open, and the {@code memdb} VFS blocks them; a WAL file keeps the isolation and
 * concurrency of a file database.
 */
public final class SqliteConnectionFactory implements ConnectionFactory, Closeable {

    /** The in-memory database name. */
    public static final String MEMORY = ":memory:";

    private static final Cleaner CLEANER = Cleaner.create();
    private static final AtomicLong MEMORY_DATABASES = new AtomicLong();
    private static final ConnectionFactoryMetadata METADATA = () -> "SQLite";

    private final SqliteOptions options;
    private final Cleaner.Cleanable cleanup;

    private SqliteConnectionFactory(SqliteOptions options, Runnable cleanup) {
        this.options = options;
        this.cleanup = CLEANER.register(this, cleanup);
    }

    /**
     * A factory for a database file or {@code ":memory:"}.
     *
     * @param database an absolute file path, or {@value #MEMORY}
     * @param busyTimeout how long a writer waits for another connection's write transaction
     * @param foreignKeys whether foreign keys are enforced
     * @return the factory
     * @throws IllegalArgumentException when the database is missing, the path is relative, its directory
     *                                  does not exist or the timeout is negative
     */
    public static SqliteConnectionFactory of(String database, Duration busyTimeout, boolean foreignKeys) {
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("The SQLite database must be an absolute file path or " + MEMORY
                    + ", not " + (database == null ? "null" : "blank"));
        }
        if (busyTimeout == null || busyTimeout.isNegative()) {
            throw new IllegalArgumentException("The busy timeout must be zero or positive, not " + busyTimeout);
        }
        if (MEMORY.equals(database)) {
            Path file = memoryFile();
            SqliteOptions options = new SqliteOptions("jdbc:sqlite:" + file, MEMORY + " (" + file + ")",
                    SqliteWriteLock.of(file.toString()), busyTimeout, foreignKeys, true);
            return new SqliteConnectionFactory(options, () -> delete(file));
        }
        File file = new File(database);
        if (!file.isAbsolute()) {
            throw new IllegalArgumentException("The SQLite database path \"" + database + "\" is relative: give an"
                    + " absolute path (r2dbc:sqlite:///absolute/path.db) or " + MEMORY);
        }
        File directory = file.getAbsoluteFile().getParentFile();
        if (directory != null && !directory.isDirectory()) {
            throw new IllegalArgumentException("Cannot open the SQLite database " + database + ": the directory "
                    + directory + " does not exist; create it first");
        }
        String path;
        try {
            path = file.getCanonicalPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot resolve the SQLite database path " + database, e);
        }
        SqliteOptions options = new SqliteOptions("jdbc:sqlite:" + path, path, SqliteWriteLock.ofFile(path),
                busyTimeout, foreignKeys, false);
        return new SqliteConnectionFactory(options, () -> { });
    }

    private static Path memoryFile() {
        Path shm = Path.of("/dev/shm");
        Path directory = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
        try {
            Path file = Files.createTempFile(directory, "nextorm-sqlite-" + MEMORY_DATABASES.incrementAndGet() + "-", ".db");
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                new File(file + suffix).deleteOnExit();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the file of an in-memory SQLite database in " + directory, e);
        }
    }

    private static void delete(Path file) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(Path.of(file + suffix));
            } catch (IOException ignored) {
                // a file still mapped by a connection that was not closed goes with the process
            }
        }
    }

    /**
     * The database this factory opens.
     *
     * @return the canonical file path, or {@code :memory:} with its file
     */
    public String database() {
        return options.database();
    }

    @Override
    public Mono<Connection> create() {
        return Mono.defer(() -> {
            SqliteWorker worker = new SqliteWorker();
            return worker.call(() -> open(worker), null)
                    .onErrorMap(e -> !(e instanceof IllegalStateException), e -> new R2dbcNonTransientResourceException(
                            "Cannot open the SQLite database " + options.database() + ": " + e.getMessage()
                                    + "; check that the file's directory exists and is writable", e))
                    .doOnError(e -> worker.shutdown());
        });
    }

    private Connection open(SqliteWorker worker) throws Exception {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, options.busyTimeout().toMillis()));
        config.enforceForeignKeys(options.foreignKeys());
        // LIKE compares case-sensitively, as on PostgreSQL, H2 and MariaDB's binary collation
        config.enableCaseSensitiveLike(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(options.temporary() ? SQLiteConfig.SynchronousMode.OFF : SQLiteConfig.SynchronousMode.NORMAL);
        java.sql.Connection jdbc = config.createConnection(options.jdbcUrl());
        try {
            String version = jdbc.getMetaData().getDatabaseProductVersion();
            return new SqliteConnection(jdbc, worker, options, version);
        } catch (Exception e) {
            jdbc.close();
            throw e;
        }
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return METADATA;
    }

    /**
     * {@inheritDoc} For {@code :memory:}, deletes the database; connections still open keep working
     * on it until they close.
     */
    @Override
    public Mono<Void> close() {
        return Mono.fromRunnable(cleanup::clean);
    }

    @Override
    public String toString() {
        return "SqliteConnectionFactory[" + options.database() + "]";
    }
}
