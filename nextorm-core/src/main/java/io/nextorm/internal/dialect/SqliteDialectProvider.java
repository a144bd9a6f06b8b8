package io.nextorm.internal.dialect;

import io.nextorm.dialect.SqliteDialect;

import java.nio.file.Path;
import java.util.List;

/**
 * SQLite through nextorm's own R2DBC driver over xerial's sqlite-jdbc
 * ({@code io.nextorm.internal.sqlite}): the seed's short forms {@code ":memory:"} (an in-memory
 * database shared by the pool's connections) and a file path (made absolute against the working
 * directory, as Python's sqlite3 opens a relative one).
 */
public final class SqliteDialectProvider extends ShippedDialectProvider {

    /**
     * The provider {@link java.util.ServiceLoader} instantiates.
     */
    public SqliteDialectProvider() {
        super(List.of("sqlite"), "SQLite", "sqlite", "org.sqlite.JDBC", "org.xerial:sqlite-jdbc",
                "\":memory:\", \"/path/to/app.db\" or \"r2dbc:sqlite:///path/to/app.db\"", SqliteDialect::new);
    }

    @Override
    public String shortFormToR2dbc(String url) {
        if (url.equals(":memory:")) {
            return "r2dbc:sqlite:///:memory:";
        }
        if (url.startsWith("file:")) {
            url = url.substring(5);
        }
        return "r2dbc:sqlite:///" + Path.of(url).toAbsolutePath().normalize().toString().replaceFirst("^/+", "");
    }
}
