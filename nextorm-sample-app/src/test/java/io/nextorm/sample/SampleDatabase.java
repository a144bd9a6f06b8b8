package io.nextorm.sample;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.ValidationDepth;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A database the sample's tests run on besides H2: the local PostgreSQL or MariaDB, at the URL of
 * {@code -Dnextorm.test.postgres.url} / {@code -Dnextorm.test.mariadb.url} (the same properties as
 * core's test kit), by default the database {@code test} that {@code scripts/start-databases} creates.
 */
enum SampleDatabase {
    /** PostgreSQL on 127.0.0.1:5432. */
    POSTGRES("postgres", "r2dbc:postgresql://postgres@127.0.0.1:5432/test"),
    /** MariaDB on 127.0.0.1:3306. */
    MARIADB("mariadb", "r2dbc:mariadb://root@127.0.0.1:3306/test");

    // referencing tables first; other suites may have left tables of these names with other columns
    private static final List<String> TABLES = List.of("book_tags", "review", "book", "tag", "author");
    private static final Map<SampleDatabase, String> UNREACHABLE = new ConcurrentHashMap<>();

    private final String name;
    private final String url;

    SampleDatabase(String name, String defaultUrl) {
        this.name = name;
        this.url = System.getProperty("nextorm.test." + name + ".url", defaultUrl);
    }

    /** @return the R2DBC URL, for {@code spring.r2dbc.url} */
    String url() {
        return url;
    }

    /** @return true when an unreachable database fails the run ({@code -Dnextorm.test.databases=required}) */
    static boolean required() {
        return "required".equals(System.getProperty("nextorm.test.databases"));
    }

    /**
     * Why the database cannot be used, or null when it can; checked once.
     *
     * @return the reason, or null
     */
    String unreachableReason() {
        return UNREACHABLE.computeIfAbsent(this, database -> {
            try {
                Mono.usingWhen(ConnectionFactories.get(url).create(),
                                connection -> Mono.from(connection.validate(ValidationDepth.REMOTE)),
                                Connection::close)
                        .block(Duration.ofSeconds(10));
                return "";
            } catch (RuntimeException e) {
                return name + " at " + url + " is not reachable (" + e.getMessage() + "). Start it with "
                        + "scripts/start-databases (as root) or docker compose up; CI runs with "
                        + "-Dnextorm.test.databases=required";
            }
        }).transform(reason -> reason.isEmpty() ? null : reason);
    }

    /** Drops the sample's tables, so that the app creates them as its entities say. */
    void dropTables() {
        List<String> statements = this == MARIADB
                ? List.of("SET FOREIGN_KEY_CHECKS = 0", "DROP TABLE IF EXISTS " + String.join(", ", TABLES),
                        "SET FOREIGN_KEY_CHECKS = 1")
                : List.of("DROP TABLE IF EXISTS " + String.join(", ", TABLES) + " CASCADE");
        Mono.usingWhen(ConnectionFactories.get(url).create(),
                        connection -> Flux.fromIterable(statements)
                                .concatMap(sql -> Flux.from(connection.createStatement(sql).execute())
                                        .flatMap(Result::getRowsUpdated))
                                .then(),
                        Connection::close)
                .block(Duration.ofSeconds(30));
    }
}
