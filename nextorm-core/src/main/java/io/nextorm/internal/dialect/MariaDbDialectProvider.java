package io.nextorm.internal.dialect;

import io.nextorm.dialect.Dialect;
import io.nextorm.dialect.MariaDbDialect;
import io.nextorm.spi.DialectProvider;

import java.util.List;
import java.util.Locale;

/**
 * MariaDB (and MySQL) through r2dbc-mariadb: {@code host:port/database} short form.
 */
public final class MariaDbDialectProvider implements DialectProvider {

    /** Creates the provider (for {@link java.util.ServiceLoader}). */
    public MariaDbDialectProvider() {
    }

    @Override
    public List<String> names() {
        return List.of("mariadb", "mysql");
    }

    @Override
    public String productName() {
        return "MariaDB";
    }

    @Override
    public boolean matchesMetadata(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        return name.contains("mariadb") || name.contains("mysql");
    }

    @Override
    public String urlScheme() {
        return "mariadb";
    }

    @Override
    public String driverClass() {
        return "org.mariadb.r2dbc.MariadbConnectionFactoryProvider";
    }

    @Override
    public String driverDependency() {
        return "org.mariadb:r2dbc-mariadb";
    }

    @Override
    public String urlExamples() {
        return "\"host:3306/database\" or \"r2dbc:mariadb://host:3306/database\"";
    }

    @Override
    public String shortFormToR2dbc(String url) {
        return "r2dbc:mariadb://" + url;
    }

    @Override
    public Dialect dialect() {
        return new MariaDbDialect();
    }
}
