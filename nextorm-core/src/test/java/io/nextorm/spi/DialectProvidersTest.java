package io.nextorm.spi;

import io.nextorm.dialect.H2Dialect;
import io.nextorm.dialect.MariaDbDialect;
import io.nextorm.dialect.PostgresDialect;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DialectProvidersTest {

    @Test
    void theServiceLoaderFindsTheFourShippedProviders() {
        assertThat(DialectProviders.installed()).extracting(p -> p.names().get(0))
                .containsExactly("h2", "postgres", "mariadb", "sqlite");
    }

    @Test
    void everyNameAnswersToItsProviderWithoutRegardToCase() {
        assertThat(DialectProviders.forName("H2").dialect()).isInstanceOf(H2Dialect.class);
        assertThat(DialectProviders.forName("postgres").dialect()).isInstanceOf(PostgresDialect.class);
        assertThat(DialectProviders.forName("PostgreSQL").dialect()).isInstanceOf(PostgresDialect.class);
        assertThat(DialectProviders.forName("mariadb").dialect()).isInstanceOf(MariaDbDialect.class);
        assertThat(DialectProviders.forName("mysql").dialect()).isInstanceOf(MariaDbDialect.class);
        assertThat(DialectProviders.forName("SQLite").dialect()).isInstanceOf(io.nextorm.dialect.SqliteDialect.class);
        assertThat(DialectProviders.forMetadata("SQLite")).isInstanceOf(io.nextorm.dialect.SqliteDialect.class);
    }

    @Test
    void sqliteShortFormsAreTheSeedsMemoryAndAbsolutePaths() {
        DialectProvider sqlite = DialectProviders.forName("sqlite");
        assertThat(sqlite.toR2dbcUrl(":memory:")).isEqualTo("r2dbc:sqlite:///:memory:");
        assertThat(sqlite.toR2dbcUrl("/tmp/app.db")).isEqualTo("r2dbc:sqlite:///tmp/app.db");
        assertThat(sqlite.toR2dbcUrl("app.db"))
                .isEqualTo("r2dbc:sqlite://" + java.nio.file.Path.of("app.db").toAbsolutePath().normalize());
    }

    @Test
    void anUnknownNameListsTheAcceptedOnes() {
        assertThatIllegalArgumentException().isThrownBy(() -> DialectProviders.forName("oracle"))
                .withMessage("Unknown provider 'oracle': use \"h2\", \"postgres\", \"mariadb\" or \"sqlite\"");
        assertThatIllegalArgumentException().isThrownBy(() -> DialectProviders.forName(null))
                .withMessageContaining("\"h2\", \"postgres\", \"mariadb\" or \"sqlite\"");
    }

    @Test
    void metadataNamesPickTheirDialect() {
        assertThat(DialectProviders.forMetadata("MariaDB")).isInstanceOf(MariaDbDialect.class);
        assertThat(DialectProviders.forMetadata("MySQL")).isInstanceOf(MariaDbDialect.class);
        assertThat(DialectProviders.forMetadata("H2")).isInstanceOf(H2Dialect.class);
        assertThat(DialectProviders.forMetadata("PostgreSQL")).isInstanceOf(PostgresDialect.class);
    }

    @Test
    void anUnknownDatabaseNamesTheSupportedOnes() {
        assertThatIllegalArgumentException().isThrownBy(() -> DialectProviders.forMetadata("Oracle"))
                .withMessageContaining("'Oracle'").withMessageContaining("H2, PostgreSQL, MariaDB and SQLite");
    }

    @Test
    void shortFormsTranslateAndAnotherDriversUrlIsRefused() {
        assertThat(DialectProviders.forName("h2").toR2dbcUrl("mem:x")).isEqualTo("r2dbc:h2:mem:///x?options=DB_CLOSE_DELAY=-1");
        assertThat(DialectProviders.forName("postgres").toR2dbcUrl("db:5432/app")).isEqualTo("r2dbc:postgresql://db:5432/app");
        assertThat(DialectProviders.forName("mariadb").toR2dbcUrl("r2dbc:pool:mariadb://h/d")).isEqualTo("r2dbc:pool:mariadb://h/d");
        assertThatIllegalArgumentException().isThrownBy(() -> DialectProviders.forName("mariadb").toR2dbcUrl("r2dbc:h2:mem:///x"))
                .withMessageContaining("not for the mariadb driver");
        assertThatIllegalArgumentException().isThrownBy(() -> DialectProviders.forName("h2").toR2dbcUrl("tcp:x"))
                .withMessageContaining("mem:");
    }

    @Test
    void aClassLoaderWithoutServiceFilesHasNoProviders() {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThat(DialectProviders.load(empty)).isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
