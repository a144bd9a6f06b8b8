package io.nextorm.internal.dialect;

import io.nextorm.dialect.PostgresDialect;

import java.util.List;

/**
 * PostgreSQL through r2dbc-postgresql: {@code host:port/database} short form.
 */
public final class PostgresDialectProvider extends ShippedDialectProvider {

    /** Creates the provider (for {@link java.util.ServiceLoader}). */
    public PostgresDialectProvider() {
        super(List.of("postgres", "postgresql"), "PostgreSQL", "postgresql",
                "io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider", "org.postgresql:r2dbc-postgresql",
                "\"host:5432/database\" or \"r2dbc:postgresql://host:5432/database\"", PostgresDialect::new);
    }
}
