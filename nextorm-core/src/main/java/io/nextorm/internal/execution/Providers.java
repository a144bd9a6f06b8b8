package io.nextorm.internal.execution;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a provider name, URL and options into a pooled connection factory, with errors that name
 * the missing driver dependency.
 */
public final class Providers {

    private Providers() {
    }

    public static ConnectionPool pool(String provider, String url, Map<String, ?> options) {
        return pool(provider, url, options, Providers.class.getClassLoader());
    }

    /** As {@link #pool(String, String, Map)}, looking for the driver in {@code drivers}. */
    public static ConnectionPool pool(String provider, String url, Map<String, ?> options, ClassLoader drivers) {
        Driver driver = Driver.of(provider);
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("bind(\"" + provider + "\", url, options) needs a URL, such as "
                    + driver.example);
        }
        if (!driver.isPresentIn(drivers)) {
            throw new IllegalStateException("The " + provider + " driver is not on the class path: add the dependency "
                    + driver.dependency);
        }
        String r2dbcUrl = driver.toR2dbcUrl(url);
        ConnectionFactoryOptions.Builder builder;
        try {
            builder = ConnectionFactoryOptions.parse(r2dbcUrl).mutate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot read the " + provider + " URL '" + url + "': use " + driver.example, e);
        }
        int maxSize = 10;
        int initialSize = 1;
        Duration maxIdle = Duration.ofMinutes(30);
        for (Map.Entry<String, ?> entry : options.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            switch (key) {
                case "pool.maxSize" -> maxSize = Integer.parseInt(String.valueOf(value));
                case "pool.initialSize" -> initialSize = Integer.parseInt(String.valueOf(value));
                case "pool.maxIdleTime" -> maxIdle = Duration.parse(String.valueOf(value));
                case "user", "username" -> builder.option(ConnectionFactoryOptions.USER, String.valueOf(value));
                case "password" -> builder.option(ConnectionFactoryOptions.PASSWORD, String.valueOf(value));
                default -> builder.option(Option.valueOf(key), value);
            }
        }
        if (maxSize < 1 || initialSize < 0 || initialSize > maxSize) {
            throw new IllegalArgumentException("The pool options need 1 <= pool.maxSize and 0 <= pool.initialSize <= "
                    + "pool.maxSize; got maxSize " + maxSize + ", initialSize " + initialSize);
        }
        ConnectionPoolConfiguration configuration = ConnectionPoolConfiguration
                .builder(ConnectionFactories.get(builder.build()))
                .name("nextorm-" + driver.name().toLowerCase(Locale.ROOT))
                .initialSize(initialSize)
                .maxSize(maxSize)
                .maxIdleTime(maxIdle)
                .validationQuery("SELECT 1")
                // a connection the server dropped fails validation on acquire; retry past it, so one dead
                // connection (a killed session's, say) costs no caller an error
                .acquireRetry(3)
                .build();
        return new ConnectionPool(configuration);
    }

    private enum Driver {
        H2("io.r2dbc.h2.H2ConnectionFactoryProvider", "io.r2dbc:r2dbc-h2", "h2",
                "\"mem:name\", \"file:/path/to/db\" or \"r2dbc:h2:mem:///name\""),
        POSTGRES("io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider", "org.postgresql:r2dbc-postgresql",
                "postgresql", "\"host:5432/database\" or \"r2dbc:postgresql://host:5432/database\""),
        MARIADB("org.mariadb.r2dbc.MariadbConnectionFactoryProvider", "org.mariadb:r2dbc-mariadb", "mariadb",
                "\"host:3306/database\" or \"r2dbc:mariadb://host:3306/database\"");

        private final String providerClass;
        private final String dependency;
        private final String scheme;
        private final String example;

        Driver(String providerClass, String dependency, String scheme, String example) {
            this.providerClass = providerClass;
            this.dependency = dependency;
            this.scheme = scheme;
            this.example = example;
        }

        static Driver of(String provider) {
            String name = provider == null ? "" : provider.toLowerCase(Locale.ROOT);
            return switch (name) {
                case "h2" -> H2;
                case "postgres", "postgresql" -> POSTGRES;
                case "mariadb", "mysql" -> MARIADB;
                default -> throw new IllegalArgumentException("Unknown provider '" + provider
                        + "': use \"h2\", \"postgres\" or \"mariadb\"");
            };
        }

        boolean isPresentIn(ClassLoader drivers) {
            try {
                Class.forName(providerClass, false, drivers);
                return true;
            } catch (ClassNotFoundException e) {
                return false;
            }
        }

        String toR2dbcUrl(String url) {
            if (url.startsWith("r2dbc:")) {
                if (!url.startsWith("r2dbc:" + scheme + ":") && !url.startsWith("r2dbc:pool:" + scheme + ":")) {
                    throw new IllegalArgumentException("The URL '" + url + "' is not for the " + scheme + " driver");
                }
                return url;
            }
            if (this == H2) {
                if (url.startsWith("mem:")) {
                    return "r2dbc:h2:mem:///" + url.substring(4) + "?options=DB_CLOSE_DELAY=-1";
                }
                if (url.startsWith("file:")) {
                    return "r2dbc:h2:file:///" + url.substring(5).replaceFirst("^/+", "");
                }
                throw new IllegalArgumentException("An H2 URL starts with mem:, file: or r2dbc:h2:");
            }
            return "r2dbc:" + scheme + "://" + url;
        }
    }
}
