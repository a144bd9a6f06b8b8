package io.nextorm.spi;

import io.nextorm.dialect.Dialect;

import java.util.List;

/**
 * A database nextorm can speak: the names {@code bind(provider, ...)} accepts for it, how to
 * recognize its connection factories, the R2DBC driver it needs, and its dialect. Providers are
 * found with {@link java.util.ServiceLoader}: a new database is a class implementing this
 * interface, listed in {@code META-INF/services/io.nextorm.spi.DialectProvider}, plus its
 * {@link Dialect}.
 *
 * <pre>{@code
 * public final class SqliteDialectProvider implements DialectProvider {
 *     public List<String> names() { return List.of("sqlite"); }
 *     public boolean matchesMetadata(String productName) { return productName.toLowerCase().contains("sqlite"); }
 *     ...
 * }
 * }</pre>
 */
public interface DialectProvider {

    /**
     * The provider names it answers to, in lower case; the first is its own name.
     *
     * @return for example {@code ["postgres", "postgresql"]}
     */
    List<String> names();

    /**
     * The database's name as people write it, for messages.
     *
     * @return for example {@code "PostgreSQL"}
     */
    String productName();

    /**
     * Whether a connection factory of this database reports this metadata name.
     *
     * @param productName {@code ConnectionFactoryMetadata.getName()}, not null
     * @return whether this provider's dialect speaks to it
     */
    boolean matchesMetadata(String productName);

    /**
     * The scheme of its R2DBC URLs ({@code r2dbc:<scheme>:...}).
     *
     * @return for example {@code "postgresql"}
     */
    String urlScheme();

    /**
     * The class of its R2DBC driver's {@code ConnectionFactoryProvider}, to check the driver is present.
     *
     * @return a fully qualified class name
     */
    String driverClass();

    /**
     * The Maven dependency to add when the driver is missing.
     *
     * @return {@code groupId:artifactId}
     */
    String driverDependency();

    /**
     * Examples of the URLs it takes, for error messages.
     *
     * @return for example {@code "host:5432/database" or "r2dbc:postgresql://host:5432/database"}
     */
    String urlExamples();

    /**
     * Turns a URL that does not start with {@code r2dbc:} (the short form) into an R2DBC URL.
     *
     * @param url the short form, not blank
     * @return the R2DBC URL
     * @throws IllegalArgumentException for a URL it cannot read
     */
    String shortFormToR2dbc(String url);

    /**
     * A new dialect of this database.
     *
     * @return the dialect
     */
    Dialect dialect();

    /**
     * An R2DBC URL for any URL {@code bind} accepts: an R2DBC URL of this driver unchanged,
     * the short form translated.
     *
     * @param url the URL given to {@code bind}
     * @return the R2DBC URL
     * @throws IllegalArgumentException for an R2DBC URL of another driver
     */
    default String toR2dbcUrl(String url) {
        if (url.startsWith("r2dbc:")) {
            if (!url.startsWith("r2dbc:" + urlScheme() + ":") && !url.startsWith("r2dbc:pool:" + urlScheme() + ":")) {
                throw new IllegalArgumentException("The URL '" + url + "' is not for the " + urlScheme() + " driver");
            }
            return url;
        }
        return shortFormToR2dbc(url);
    }
}
