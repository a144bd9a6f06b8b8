package io.nextorm.spring.boot.autoconfigure;

import io.nextorm.AsyncDatabase;
import io.nextorm.MappingException;
import io.nextorm.spring.boot.autoconfigure.ledger.Ledger;
import io.nextorm.spring.testkit.SpringDatabaseKit;
import io.nextorm.spring.testkit.SpringTestDatabase;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code nextorm.schema=validate|create|none} and its deprecated alias {@code nextorm.create-tables},
 * with a real context on H2, PostgreSQL and MariaDB; the table {@code ledger} is dropped before each test.
 */
class SchemaPropertyTest extends SpringDatabaseKit {

    private static final String H2_URL = "r2dbc:h2:mem:///nextorm-schema-property;DB_CLOSE_DELAY=-1";

    @Override
    protected String[] databaseProperties() {
        // one named H2 database for every context, so that a table created by one is seen by the next
        return target == SpringTestDatabase.H2 ? new String[] {"spring.r2dbc.url=" + H2_URL} : target.properties();
    }

    private String url() {
        return databaseProperties()[0].substring("spring.r2dbc.url=".length());
    }

    @BeforeEach
    void dropLedger() {
        Mono.usingWhen(Mono.from(ConnectionFactories.get(url()).create()),
                connection -> Mono.from(connection.createStatement("DROP TABLE IF EXISTS ledger").execute())
                        .flatMap(result -> Mono.from(result.getRowsUpdated())),
                Connection::close).block(TIMEOUT);
    }

    private ApplicationContextRunner runner(String... properties) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, NextOrmAutoConfiguration.class))
                .withPropertyValues(databaseProperties())
                .withPropertyValues("nextorm.entity-packages=io.nextorm.spring.boot.autoconfigure.ledger")
                .withPropertyValues(properties);
    }

    private static long saveAndCount(AsyncDatabase db) {
        return db.asave(new Ledger("cash")).then(Mono.defer(() -> db.aselect(Ledger.class).count())).block(TIMEOUT);
    }

    @Test
    void defaultValidateFailsStartupWithTheAnalysisWhenATableIsMissing() {
        runner().run(context -> {
            assertThat(context).hasFailed();
            MappingException failure = find(context.getStartupFailure(), MappingException.class);
            assertThat(failure).isNotNull();
            assertThat(failure.getMessage()).contains("ledger").contains("Ledger");
            FailureAnalysis analysis = new MappingFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("missing table").contains("ledger");
            assertThat(analysis.getAction()).contains("nextorm.schema=create", "nextorm.schema=none", "entity");
        });
    }

    @Test
    void validatePassesWhenTheTableIsThere() {
        runner("nextorm.schema=create").run(context -> assertThat(context).hasNotFailed());

        runner("nextorm.schema=validate").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(saveAndCount(context.getBean(AsyncDatabase.class))).isEqualTo(1);
        });
    }

    @Test
    void createCreatesTheMissingTable() {
        runner("nextorm.schema=create").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(saveAndCount(context.getBean(AsyncDatabase.class))).isEqualTo(1);
        });
    }

    @Test
    void noneChecksNothingSoStartupPassesAndTheFirstQueryFails() {
        runner("nextorm.schema=none").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(NextOrmProperties.class).schemaCheck()).isEqualTo(io.nextorm.SchemaCheck.NONE);
            Long count = context.getBean(AsyncDatabase.class).aselect(Ledger.class).count()
                    .onErrorResume(error -> Mono.just(-1L)).block(TIMEOUT);
            assertThat(count).isEqualTo(-1L);
        });
    }

    @Test
    void deprecatedCreateTablesTrueStillCreates() {
        runner("nextorm.create-tables=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(saveAndCount(context.getBean(AsyncDatabase.class))).isEqualTo(1);
        });
    }

    @Test
    void schemaWinsOverTheDeprecatedAliasWhenBothAreSet() {
        runner("nextorm.create-tables=true", "nextorm.schema=validate").run(context -> {
            assertThat(context).hasFailed();
            assertThat(find(context.getStartupFailure(), MappingException.class).getMessage()).contains("ledger");
        });
    }

    @Test
    void anUnknownSchemaValueFailsStartupNamingTheProperty() {
        runner("nextorm.schema=update").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("update");
            assertThat(context.getStartupFailure().toString() + causes(context.getStartupFailure()))
                    .contains("nextorm.schema");
        });
    }

    private static String causes(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(' ').append(t.getMessage());
        }
        return text.toString();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
