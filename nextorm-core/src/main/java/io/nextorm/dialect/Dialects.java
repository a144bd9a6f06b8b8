package io.nextorm.dialect;

import java.util.Locale;

/**
 * Finds the dialect of a provider name or of a driver's metadata.
 */
public final class Dialects {

    private Dialects() {
    }

    /**
     * The dialect of a provider name.
     *
     * @param provider {@code "h2"}, {@code "postgres"} (or {@code "postgresql"}) or {@code "mariadb"}
     * @return the dialect
     * @throws IllegalArgumentException for an unknown provider
     */
    public static Dialect forProvider(String provider) {
        String name = provider == null ? "" : provider.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "h2" -> new H2Dialect();
            case "postgres", "postgresql" -> new PostgresDialect();
            case "mariadb", "mysql" -> new MariaDbDialect();
            default -> throw new IllegalArgumentException("Unknown provider '" + provider
                    + "': use \"h2\", \"postgres\" or \"mariadb\"");
        };
    }

    /**
     * The dialect of a connection factory, by its metadata name.
     *
     * @param productName {@code ConnectionFactoryMetadata.getName()}
     * @return the dialect
     * @throws IllegalArgumentException for a database nextorm has no dialect for
     */
    public static Dialect forMetadata(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return new H2Dialect();
        }
        if (name.contains("postgres")) {
            return new PostgresDialect();
        }
        if (name.contains("mariadb") || name.contains("mysql")) {
            return new MariaDbDialect();
        }
        throw new IllegalArgumentException("nextorm has no dialect for the database '" + productName
                + "': it supports H2, PostgreSQL and MariaDB");
    }
}
