package io.nextorm.internal.execution;

import io.nextorm.spi.DialectProvider;
import io.nextorm.spi.DialectProviders;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;

import java.util.Map;

/**
 * Turns a provider name, URL and options into a pooled connection factory, with errors that name
 * the missing driver dependency.
 */
public final class Providers {

    private Providers() {
    }

    /**
     * A pool of a named provider's connections.
     *
     * @param provider a name a {@link DialectProvider} answers to
     * @param url an R2DBC URL of its driver, or its short form
     * @param options driver and pool options
     * @return the pool, not yet connected
     */
    public static ConnectionPool pool(String provider, String url, Map<String, ?> options) {
        return pool(provider, url, options, Providers.class.getClassLoader());
    }

    /** As {@link #pool(String, String, Map)}, looking for the driver in {@code drivers}. */
    public static ConnectionPool pool(String provider, String url, Map<String, ?> options, ClassLoader drivers) {
        DialectProvider driver = DialectProviders.forName(provider);
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("bind(\"" + provider + "\", url, options) needs a URL, such as "
                    + driver.urlExamples());
        }
        if (!isPresentIn(driver, drivers)) {
            throw new IllegalStateException("The " + provider + " driver is not on the class path: add the dependency "
                    + driver.driverDependency());
        }
        String r2dbcUrl = driver.toR2dbcUrl(url);
        ConnectionFactoryOptions.Builder builder;
        try {
            builder = ConnectionFactoryOptions.parse(r2dbcUrl).mutate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot read the " + provider + " URL '" + url + "': use " + driver.urlExamples(), e);
        }
        PoolOptions pool = PoolOptions.of(options);
        for (Map.Entry<String, ?> entry : options.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (key.startsWith(PoolOptions.PREFIX)) {
                continue;
            }
            switch (key) {
                case "user", "username" -> builder.option(ConnectionFactoryOptions.USER, String.valueOf(value));
                case "password" -> builder.option(ConnectionFactoryOptions.PASSWORD, String.valueOf(value));
                default -> builder.option(Option.valueOf(key), value);
            }
        }
        // opening a connection is bounded by the driver's connect timeout rather than the pool's
        // maxCreateConnectionTime, whose timeout operator makes reactor-pool return a permit twice
        // ("Too many permits returned") when connections are killed
        if (!options.containsKey(ConnectionFactoryOptions.CONNECT_TIMEOUT.name())) {
            builder.option(ConnectionFactoryOptions.CONNECT_TIMEOUT, pool.maxCreateConnectionTime());
        }
        ConnectionPoolConfiguration.Builder configuration = ConnectionPoolConfiguration
                .builder(ConnectionFactories.get(builder.build()))
                .name("nextorm-" + driver.names().get(0))
                .initialSize(pool.initialSize())
                .maxSize(pool.maxSize())
                .maxIdleTime(pool.maxIdleTime())
                .maxAcquireTime(pool.maxAcquireTime())
                // a connection stuck behind an unfinished conversation does not answer its validation:
                // it is dropped after this time instead of making its caller wait forever
                .maxValidationTime(pool.maxValidationTime())
                .validationQuery("SELECT 1")
                // a connection the server dropped fails validation on acquire; retry past it, so one dead
                // connection (a killed session's, say) costs no caller an error
                .acquireRetry(3)
                // a connection cut off mid-conversation is destroyed when released, not kept idle
                .customizer(poolBuilder -> poolBuilder.evictionPredicate((connection, metadata) ->
                        InterruptedConnections.isDriverConnectionMarked(connection)
                                || metadata.idleTime() >= pool.maxIdleTime().toMillis()
                                || (pool.maxLifeTime() != null && metadata.lifeTime() >= pool.maxLifeTime().toMillis())));
        if (pool.maxLifeTime() != null) {
            configuration.maxLifeTime(pool.maxLifeTime());
        }
        return new ConnectionPool(configuration.build());
    }

    private static boolean isPresentIn(DialectProvider driver, ClassLoader drivers) {
        try {
            Class.forName(driver.driverClass(), false, drivers);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
