package io.nextorm.internal.dialect;

import io.nextorm.dialect.Dialect;
import io.nextorm.dialect.PostgresDialect;
import io.nextorm.spi.DialectProvider;

import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL through r2dbc-postgresql: {@code host:port/database} short form.
 */
public final class PostgresDialectProvider implements DialectProvider {

    /** Creates the provider (for {@link java.util.ServiceLoader}). */
    public PostgresDialectProvider() {
    }

    @Override
    public List<String> names() {
        return List.of("postgres", "postgresql");
    }

    @Override
    public String productName() {
        return "PostgreSQL";
    }

    @Override
    public boolean matchesMetadata(String productName) {
        return productName.toLowerCase(Locale.ROOT).contains("postgres");
    }

    @Override
    public String urlScheme() {
        return "postgresql";
    }

    @Override
    public String driverClass() {
        return "io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider";
    }

    @Override
    public String driverDependency() {
        return "org.postgresql:r2dbc-postgresql";
    }

    @Override
    public String urlExamples() {
        return "\"host:5432/database\" or \"r2dbc:postgresql://host:5432/database\"";
    }

    @Override
    public String shortFormToR2dbc(String url) {
        return "r2dbc:postgresql://" + url;
    }

    @Override
    public Dialect dialect() {
        return new PostgresDialect();
    }
}
