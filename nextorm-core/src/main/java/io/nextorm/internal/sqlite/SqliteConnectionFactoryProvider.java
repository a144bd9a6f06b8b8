package io.nextorm.internal.sqlite;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.ConnectionFactoryProvider;
import io.r2dbc.spi.Option;

import java.time.Duration;

/**
 * The R2DBC driver {@code sqlite}, found by {@code ConnectionFactories} through
 * {@code META-INF/services/io.r2dbc.spi.ConnectionFactoryProvider}. URLs:
 * <ul>
 *   <li>{@code r2dbc:sqlite:///tmp/app.db}: the file {@code /tmp/app.db} (the path after the third
 *       slash is always absolute; {@code r2dbc:sqlite:///C:/data/app.db} on Windows);</li>
 *   <li>{@code r2dbc:sqlite:///:memory:}: an in-memory database shared by the factory's connections
 *       (R2DBC's URL syntax has no {@code r2dbc:sqlite::memory:});</li>
 *   <li>{@code r2dbc:pool:sqlite:///tmp/app.db?maxSize=10}: the same through r2dbc-pool.</li>
 * </ul>
 * Options (URL query or {@link ConnectionFactoryOptions}): {@code busyTimeout} (ISO-8601 duration
 * such as {@code PT30S}, or milliseconds; default 30 s; the standard {@code lockWaitTimeout} too),
 * how long a writer waits for another's write transaction before it fails; {@code foreignKeys}
 * ({@code true} by default), whether foreign keys are enforced. A host is refused.
 */
public final class SqliteConnectionFactoryProvider implements ConnectionFactoryProvider {

    /** The driver name. */
    public static final String DRIVER = "sqlite";

    /** How long a writer waits for the write lock. */
    public static final Option<Object> BUSY_TIMEOUT = Option.valueOf("busyTimeout");

    /** Whether foreign keys are enforced. */
    public static final Option<Object> FOREIGN_KEYS = Option.valueOf("foreignKeys");

    /** The default busy timeout. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Creates the provider (done by {@code ServiceLoader}).
     */
    public SqliteConnectionFactoryProvider() {
    }

    @Override
    public SqliteConnectionFactory create(ConnectionFactoryOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("The connection factory options must not be null");
        }
        Object host = options.getValue(ConnectionFactoryOptions.HOST);
        if (host != null && !host.toString().isEmpty()) {
            throw new IllegalArgumentException("An SQLite URL has no host (\"" + host + "\"): write the file after three"
                    + " slashes, r2dbc:sqlite:///absolute/path.db, or r2dbc:sqlite:///:memory:");
        }
        Object database = options.getValue(ConnectionFactoryOptions.DATABASE);
        if (database == null || database.toString().isBlank()) {
            throw new IllegalArgumentException("The sqlite driver needs a database: r2dbc:sqlite:///absolute/path.db"
                    + " or r2dbc:sqlite:///:memory:");
        }
        Object timeout = options.hasOption(BUSY_TIMEOUT) ? options.getValue(BUSY_TIMEOUT)
                : options.getValue(ConnectionFactoryOptions.LOCK_WAIT_TIMEOUT);
        Object foreignKeys = options.getValue(FOREIGN_KEYS);
        return SqliteConnectionFactory.of(path(database.toString()), duration(timeout),
                foreignKeys == null || Boolean.parseBoolean(foreignKeys.toString()));
    }

    /**
     * The file of a DATABASE option: the URL's path loses its leading slash, which is put back.
     *
     * @param database the option
     * @return {@code :memory:} or an absolute path
     */
    static String path(String database) {
        if (database.equals(SqliteConnectionFactory.MEMORY) || database.startsWith("/")
                || database.matches("^[A-Za-z]:[/\\\\].*")) {
            return database;
        }
        return "/" + database;
    }

    private static Duration duration(Object value) {
        if (value == null) {
            return DEFAULT_BUSY_TIMEOUT;
        }
        if (value instanceof Duration duration) {
            return duration;
        }
        if (value instanceof Number number) {
            return Duration.ofMillis(number.longValue());
        }
        String text = value.toString().strip();
        try {
            return text.chars().allMatch(Character::isDigit) ? Duration.ofMillis(Long.parseLong(text)) : Duration.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The busyTimeout \"" + text + "\" is neither milliseconds nor an ISO-8601"
                    + " duration such as PT30S", e);
        }
    }

    @Override
    public boolean supports(ConnectionFactoryOptions options) {
        return options != null && DRIVER.equals(options.getValue(ConnectionFactoryOptions.DRIVER));
    }

    @Override
    public String getDriver() {
        return DRIVER;
    }
}
