package io.nextorm.benchmarks;

import io.nextorm.dialect.Dialect;
import io.nextorm.spi.DialectProviders;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.springframework.data.r2dbc.dialect.H2Dialect;
import org.springframework.data.r2dbc.dialect.MySqlDialect;
import org.springframework.data.r2dbc.dialect.PostgresDialect;
import org.springframework.data.r2dbc.dialect.R2dbcDialect;

import java.time.Duration;
import java.util.Locale;

/**
 * The databases a benchmark runs on, by the {@code @Param} value that names them: where each one
 * is, how its pool is configured (the same for every library), and the few SQL differences the
 * hand-written statements need.
 *
 * <p>The URL of each database is read from the system property {@code nextorm.bench.<provider>.url}
 * (for example {@code -Dnextorm.bench.postgres.url=r2dbc:postgresql://postgres@127.0.0.1:5432/nx3}),
 * else from the tests' {@code nextorm.test.<provider>.url}, else the default below. JMH forks pass the
 * host JVM's {@code -D} options on to the benchmark JVM.
 */
public enum Database {

    /** H2 in memory, in the benchmark's own JVM. */
    H2("h2", "r2dbc:h2:mem:///bench;DB_CLOSE_DELAY=-1", H2Dialect.INSTANCE),
    /** PostgreSQL on the local host (trust authentication), database {@code test} unless configured. */
    POSTGRES("postgres", "r2dbc:postgresql://postgres@127.0.0.1:5432/test", PostgresDialect.INSTANCE),
    /** MariaDB on the local host (root, empty password), database {@code test} unless configured. */
    MARIADB("mariadb", "r2dbc:mariadb://root@127.0.0.1:3306/test", MySqlDialect.INSTANCE);

    /** Connections every pool opens at start and keeps: more than a sequential benchmark needs. */
    public static final int POOL_SIZE = 4;

    private final String provider;
    private final String url;
    private final R2dbcDialect springDialect;

    Database(String provider, String url, R2dbcDialect springDialect) {
        this.provider = provider;
        // the benchmark's own property first, then the one the tests use, so a run can share the tests' database
        this.url = System.getProperty("nextorm.bench." + provider + ".url",
                System.getProperty("nextorm.test." + provider + ".url", url));
        this.springDialect = springDialect;
    }

    /**
     * The database a {@code @Param} value names.
     *
     * @param provider {@code h2}, {@code postgres} or {@code mariadb}
     * @return the database
     * @throws IllegalArgumentException for another name
     */
    public static Database of(String provider) {
        for (Database database : values()) {
            if (database.provider.equals(provider.toLowerCase(Locale.ROOT))) {
                return database;
            }
        }
        throw new IllegalArgumentException("Unknown database '" + provider + "': use h2, postgres or mariadb");
    }

    /**
     * The nextorm provider name.
     *
     * @return {@code h2}, {@code postgres} or {@code mariadb}
     */
    public String provider() {
        return provider;
    }

    /**
     * The parts of the R2DBC URL (host, port, database, user), for the clients that do not speak R2DBC.
     *
     * @return the parsed options
     */
    public ConnectionFactoryOptions options() {
        return ConnectionFactoryOptions.parse(url);
    }

    /**
     * The R2DBC URL.
     *
     * @return the URL, without pooling options
     */
    public String url() {
        return url;
    }

    /**
     * A new pool over the driver, configured the same way for every library.
     *
     * @return the pool, not yet warmed up
     */
    public ConnectionPool newPool() {
        return new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(url))
                .initialSize(POOL_SIZE)
                .maxSize(POOL_SIZE)
                .maxIdleTime(Duration.ofMinutes(30))
                .build());
    }

    /**
     * nextorm's dialect of this database.
     *
     * @return the dialect
     */
    public Dialect nextormDialect() {
        return DialectProviders.forName(provider).dialect();
    }

    /**
     * Spring Data R2DBC's dialect of this database.
     *
     * @return the dialect
     */
    public R2dbcDialect springDialect() {
        return springDialect;
    }

    /**
     * The parameter marker at a position, as the driver wants it in hand-written SQL.
     *
     * @param index the 0-based position
     * @return {@code $1} on PostgreSQL, {@code ?} elsewhere
     */
    public String marker(int index) {
        return this == POSTGRES ? "$" + (index + 1) : "?";
    }
}
