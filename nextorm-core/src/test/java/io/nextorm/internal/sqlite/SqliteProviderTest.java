package io.nextorm.internal.sqlite;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteProviderTest extends SqliteTestSupport {

    @Test
    void urlWithThreeSlashesOpensTheAbsoluteFile() {
        Path file = directory.resolve("app.db");
        ConnectionFactory connectionFactory = ConnectionFactories.get("r2dbc:sqlite://" + file);
        Connection connection = connect(connectionFactory);
        update(connection, "CREATE TABLE t (x INTEGER)");
        assertThat(connectionFactory).isInstanceOf(SqliteConnectionFactory.class);
        assertThat(Files.exists(file)).isTrue();
        assertThat(connectionFactory.getMetadata().getName()).isEqualTo("SQLite");
        assertThat(connection.getMetadata().getDatabaseProductName()).isEqualTo("SQLite");
        assertThat(connection.getMetadata().getDatabaseVersion()).startsWith("3.");
    }

    @Test
    void fileDatabasesRunInWalMode() {
        Connection connection = connect();
        assertThat(value(connection, "PRAGMA journal_mode", String.class)).isEqualTo("wal");
        assertThat(value(connection, "PRAGMA foreign_keys", Integer.class)).isEqualTo(1);
        assertThat(value(connection, "PRAGMA busy_timeout", Integer.class)).isEqualTo(30000);
    }

    @Test
    void optionsSetTheBusyTimeoutAndForeignKeys() {
        ConnectionFactory connectionFactory = ConnectionFactories.get("r2dbc:sqlite://" + directory.resolve("o.db")
                + "?busyTimeout=PT2S&foreignKeys=false");
        Connection connection = connect(connectionFactory);
        assertThat(value(connection, "PRAGMA busy_timeout", Integer.class)).isEqualTo(2000);
        assertThat(value(connection, "PRAGMA foreign_keys", Integer.class)).isEqualTo(0);
        ConnectionFactory millis = ConnectionFactories.get("r2dbc:sqlite://" + directory.resolve("o.db") + "?busyTimeout=1500");
        assertThat(value(connect(millis), "PRAGMA busy_timeout", Integer.class)).isEqualTo(1500);
    }

    @Test
    void memoryUrlGivesADatabaseSharedByTheFactorysConnections() {
        ConnectionFactory connectionFactory = ConnectionFactories.get("r2dbc:sqlite:///:memory:");
        Connection first = connect(connectionFactory);
        Connection second = connect(connectionFactory);
        update(first, "CREATE TABLE t (x INTEGER)");
        update(first, "INSERT INTO t VALUES (42)");
        assertThat(column(second, "SELECT x FROM t")).containsExactly(42);
        Connection other = connect(ConnectionFactories.get("r2dbc:sqlite:///:memory:"));
        assertThatThrownBy(() -> column(other, "SELECT x FROM t")).hasMessageContaining("no such table: t");
    }

    @Test
    void closingAMemoryFactoryDeletesItsDatabase() {
        SqliteConnectionFactory memory = SqliteConnectionFactory.of(":memory:", Duration.ofSeconds(1), true);
        Connection connection = connect(memory);
        update(connection, "CREATE TABLE t (x INTEGER)");
        Path file = Path.of(memory.database().replaceAll(".*\\((.*)\\)", "$1"));
        assertThat(Files.exists(file)).isTrue();
        Mono.from(connection.close()).block();
        memory.close().block();
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void poolUrlPoolsSqliteConnections() {
        ConnectionFactory pool = ConnectionFactories.get("r2dbc:pool:sqlite://" + directory.resolve("pool.db") + "?maxSize=3");
        Connection connection = connect(pool);
        update(connection, "CREATE TABLE t (x INTEGER)");
        assertThat(update(connection, "INSERT INTO t VALUES (1), (2)")).isEqualTo(2);
        assertThat(pool.getMetadata().getName()).isEqualTo("SQLite");
    }

    @Test
    void providerSupportsOnlyTheSqliteDriver() {
        SqliteConnectionFactoryProvider provider = new SqliteConnectionFactoryProvider();
        assertThat(provider.getDriver()).isEqualTo("sqlite");
        assertThat(provider.supports(ConnectionFactoryOptions.parse("r2dbc:sqlite:///tmp/x.db"))).isTrue();
        assertThat(provider.supports(ConnectionFactoryOptions.parse("r2dbc:h2:mem:///x"))).isFalse();
        assertThatThrownBy(() -> provider.create(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHostIsRefused() {
        assertThatThrownBy(() -> ConnectionFactories.get("r2dbc:sqlite://localhost/tmp/app.db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no host").hasMessageContaining("r2dbc:sqlite:///absolute/path.db");
    }

    @Test
    void aMissingDatabaseIsRefused() {
        assertThatThrownBy(() -> ConnectionFactories.get(ConnectionFactoryOptions.builder()
                .option(ConnectionFactoryOptions.DRIVER, "sqlite").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a database");
    }

    @Test
    void aMissingDirectoryIsRefusedWithItsName() {
        assertThatThrownBy(() -> ConnectionFactories.get("r2dbc:sqlite://" + directory.resolve("no/such/dir/app.db")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not exist").hasMessageContaining("no/such/dir");
    }

    @Test
    void aRelativePathIsRefused() {
        assertThatThrownBy(() -> SqliteConnectionFactory.of("data/app.db", Duration.ofSeconds(1), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("relative");
    }

    @Test
    void theFactoryRefusesAMissingDatabaseAndANegativeTimeout() {
        assertThatThrownBy(() -> SqliteConnectionFactory.of(null, Duration.ofSeconds(1), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not null");
        assertThatThrownBy(() -> SqliteConnectionFactory.of(" ", Duration.ofSeconds(1), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not blank");
        assertThatThrownBy(() -> SqliteConnectionFactory.of(":memory:", Duration.ofSeconds(-1), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("busy timeout");
        assertThat(factory.toString()).contains(directory.resolve("test.db").toString());
    }

    @Test
    void aBadBusyTimeoutIsRefused() {
        assertThatThrownBy(() -> ConnectionFactories.get("r2dbc:sqlite://" + directory.resolve("x.db") + "?busyTimeout=soon"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("busyTimeout \"soon\"");
    }

    @Test
    void aFileThatIsNotADatabaseFailsToOpenWithAnR2dbcError() throws Exception {
        Path notDatabase = directory.resolve("not.db");
        Files.writeString(notDatabase, "this is not an SQLite database, just some text that is long enough to tell");
        ConnectionFactory connectionFactory = ConnectionFactories.get("r2dbc:sqlite://" + notDatabase);
        assertThatThrownBy(() -> Mono.from(connectionFactory.create()).block())
                .isInstanceOf(R2dbcNonTransientResourceException.class)
                .hasMessageContaining("Cannot open the SQLite database").hasMessageContaining("not.db");
    }

    @Test
    void theUrlPathIsMadeAbsolute() {
        assertThat(SqliteConnectionFactoryProvider.path("tmp/app.db")).isEqualTo("/tmp/app.db");
        assertThat(SqliteConnectionFactoryProvider.path("/tmp/app.db")).isEqualTo("/tmp/app.db");
        assertThat(SqliteConnectionFactoryProvider.path("C:/data/app.db")).isEqualTo("C:/data/app.db");
        assertThat(SqliteConnectionFactoryProvider.path(":memory:")).isEqualTo(":memory:");
    }
}
