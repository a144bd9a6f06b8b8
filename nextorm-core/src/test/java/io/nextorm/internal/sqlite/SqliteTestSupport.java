package io.nextorm.internal.sqlite;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A database file per test, and short ways to run SQL in tests. */
abstract class SqliteTestSupport {

    protected Path directory;
    protected SqliteConnectionFactory factory;
    private final List<Connection> opened = new ArrayList<>();

    @BeforeEach
    void openDatabase() {
        directory = SqliteFiles.directory();
        factory = SqliteConnectionFactory.of(directory.resolve("test.db").toString(), Duration.ofSeconds(30), true);
    }

    @AfterEach
    void closeDatabase() {
        Flux.fromIterable(opened).concatMap(Connection::close).blockLast(Duration.ofSeconds(10));
        factory.close().block();
        SqliteFiles.delete(directory);
    }

    protected SqliteConnection connect() {
        return (SqliteConnection) connect(factory);
    }

    protected Connection connect(ConnectionFactory connectionFactory) {
        Connection connection = Mono.from(connectionFactory.create()).block(Duration.ofSeconds(10));
        opened.add(connection);
        return connection;
    }

    protected static long update(Connection connection, String sql, Object... parameters) {
        var statement = connection.createStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.bind(i, parameters[i]);
        }
        return Flux.from(statement.execute()).concatMap(Result::getRowsUpdated).reduce(0L, Long::sum)
                .block(Duration.ofSeconds(30));
    }

    protected static List<Object> column(Connection connection, String sql, Object... parameters) {
        var statement = connection.createStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.bind(i, parameters[i]);
        }
        return Flux.from(statement.execute()).concatMap(result -> result.map(row -> row.get(0)))
                .collectList().block(Duration.ofSeconds(30));
    }

    protected static <T> T value(Connection connection, String sql, Class<T> type) {
        return Flux.from(connection.createStatement(sql).execute())
                .concatMap(result -> result.map(row -> row.get(0, type))).blockFirst(Duration.ofSeconds(30));
    }
}
