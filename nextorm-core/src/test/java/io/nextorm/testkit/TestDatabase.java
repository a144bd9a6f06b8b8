package io.nextorm.testkit;

import io.nextorm.AsyncDatabase;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One database the test kit runs against: H2 in memory, or the local PostgreSQL or MariaDB. The URLs
 * can be overridden with {@code -Dnextorm.test.postgres.url=...} and {@code -Dnextorm.test.mariadb.url=...}
 * (for example to give each of several checkouts running tests at once its own database).
 */
public enum TestDatabase {
    /** H2 in memory; always available. */
    H2("h2", null),
    /** PostgreSQL on 127.0.0.1:5432, database test. */
    POSTGRES("postgres", "r2dbc:postgresql://postgres@127.0.0.1:5432/test"),
    /** MariaDB on 127.0.0.1:3306, database test. */
    MARIADB("mariadb", "r2dbc:mariadb://root@127.0.0.1:3306/test"),
    /** SQLite, a fresh file in the temporary directory per open; always available. */
    SQLITE("sqlite", null),
    /** SQLite in memory ({@code :memory:}, shared by the pool's connections); always available. */
    SQLITE_MEMORY("sqlite", null);

    private static final AtomicInteger H2_DATABASES = new AtomicInteger();
    private static final Map<TestDatabase, String> UNAVAILABLE = new ConcurrentHashMap<>();
    private static final Map<TestDatabase, Boolean> CHECKED = new ConcurrentHashMap<>();

    private final String provider;
    private final String url;

    TestDatabase(String provider, String url) {
        this.provider = provider;
        this.url = url == null ? null : System.getProperty("nextorm.test." + provider + ".url", url);
    }

    /**
     * The provider name for {@code AsyncDatabase.bind}.
     *
     * @return the provider
     */
    public String provider() {
        return provider;
    }

    /**
     * A URL for {@code bind}: a fresh in-memory database for H2, the shared test database otherwise.
     *
     * @return the URL
     */
    public String url() {
        if (this == SQLITE) {
            return System.getProperty("java.io.tmpdir") + "/nextorm-kit-" + ProcessHandle.current().pid() + "-"
                    + H2_DATABASES.incrementAndGet() + ".db";
        }
        if (this == SQLITE_MEMORY) {
            return ":memory:";
        }
        return this == H2 ? "mem:kit" + H2_DATABASES.incrementAndGet() : url;
    }

    /**
     * Why the database cannot be used, or null when it can.
     *
     * @return the reason, or null
     */
    public synchronized String unavailableReason() {
        if (!hasServer()) {
            return null;
        }
        if (!CHECKED.containsKey(this)) {
            CHECKED.put(this, true);
            try {
                ConnectionFactory factory = ConnectionFactories.get(url);
                Mono.usingWhen(factory.create(), c -> Mono.from(c.validate(io.r2dbc.spi.ValidationDepth.REMOTE)),
                        Connection::close).block(Duration.ofSeconds(10));
            } catch (RuntimeException e) {
                UNAVAILABLE.put(this, this + " at " + url + " is not reachable (" + e.getMessage() + "). Start it with scripts/start-databases (or "
                        + "../shared/ci/start-databases); CI runs with -Dnextorm.test.databases=required");
            }
        }
        return UNAVAILABLE.get(this);
    }

    /**
     * Stops the calling test when the database cannot be used: a failure under
     * {@code -Dnextorm.test.databases=required} (CI), else an aborted (skipped) test with the reason.
     */
    public void requireAvailable() {
        String reason = unavailableReason();
        if (reason != null) {
            if (required()) {
                org.junit.jupiter.api.Assertions.fail(reason);
            }
            org.junit.jupiter.api.Assumptions.abort(reason);
        }
    }

    /**
     * Whether missing databases fail the run (CI) instead of skipping their tests.
     *
     * @return true when required
     */
    public static boolean required() {
        return "required".equals(System.getProperty("nextorm.test.databases"));
    }

    /**
     * Opens a database of the given entities with fresh tables: bound, old tables dropped, mapped,
     * tables created.
     *
     * @param entities the entity classes
     * @return the database
     */
    public AsyncDatabase open(List<Class<?>> entities) {
        AsyncDatabase db = new AsyncDatabase(entities);
        db.bind(provider, url(), Map.of("pool.maxSize", 20)).block(Duration.ofSeconds(30));
        SchemaCleaner.dropTables(db, entities).block(Duration.ofSeconds(60));
        db.generateMapping(true, true).block(Duration.ofSeconds(60));
        db.clearLocalStats();
        return db;
    }

    /**
     * Whether the database runs in a server of its own (PostgreSQL, MariaDB) rather than in this JVM.
     *
     * @return true for a server
     */
    public boolean hasServer() {
        return this == POSTGRES || this == MARIADB;
    }

    /**
     * Whether this is SQLite (in a file or in memory).
     *
     * @return true for SQLite
     */
    public boolean isSqlite() {
        return this == SQLITE || this == SQLITE_MEMORY;
    }

    @Override
    public String toString() {
        return this == SQLITE_MEMORY ? "sqlite-memory" : provider;
    }
}
