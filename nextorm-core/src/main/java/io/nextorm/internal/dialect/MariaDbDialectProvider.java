package io.nextorm.internal.dialect;

import io.nextorm.dialect.MariaDbDialect;

import java.util.List;

/**
 * MariaDB (and MySQL) through r2dbc-mariadb: {@code host:port/database} short form.
 */
public final class MariaDbDialectProvider extends ShippedDialectProvider {

    /** Creates the provider (for {@link java.util.ServiceLoader}). */
    public MariaDbDialectProvider() {
        super(List.of("mariadb", "mysql"), "MariaDB", "mariadb", "org.mariadb.r2dbc.MariadbConnectionFactoryProvider",
                "org.mariadb:r2dbc-mariadb", "\"host:3306/database\" or \"r2dbc:mariadb://host:3306/database\"",
                MariaDbDialect::new);
    }
}
