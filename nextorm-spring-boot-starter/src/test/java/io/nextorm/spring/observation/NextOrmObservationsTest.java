package io.nextorm.spring.observation;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.nextorm.AsyncDatabase;
import io.nextorm.spring.boot.autoconfigure.NextOrmAutoConfiguration;
import io.nextorm.spring.boot.autoconfigure.NextOrmObservationAutoConfiguration;
import io.nextorm.spring.boot.autoconfigure.fixture.FixtureConfiguration;
import io.nextorm.spring.boot.autoconfigure.fixture.Shelf;
import io.nextorm.spring.boot.autoconfigure.fixture.Shelf_;
import io.nextorm.spring.metrics.StatementIds;
import io.nextorm.spring.testkit.SpringDatabaseKit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An Observation per statement, on H2, PostgreSQL and MariaDB, checked with Micrometer's TestObservationRegistry. */
class NextOrmObservationsTest extends SpringDatabaseKit {

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, NextOrmAutoConfiguration.class,
                        NextOrmObservationAutoConfiguration.class))
                .withUserConfiguration(FixtureConfiguration.class, Registry.class)
                .withPropertyValues(databaseProperties())
                .withPropertyValues("nextorm.schema=create");
    }

    @Test
    void eachStatementIsAnObservationWithTheSqlAsAHighCardinalityKeyOnly() {
        runner().run(context -> {
            AsyncDatabase db = context.getBean(AsyncDatabase.class);
            TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
            registry.clear();
            String sql = db.aselect(Shelf.class).filter(Shelf_.name.eq("secret value")).getSql();
            db.aselect(Shelf.class).filter(Shelf_.name.eq("secret value")).fetchAll().block(TIMEOUT);

            TestObservationRegistryAssert.assertThat(registry)
                    .hasNumberOfObservationsWithNameEqualTo(NextOrmObservations.NAME, 1)
                    .hasObservationWithNameEqualTo(NextOrmObservations.NAME).that()
                    .hasBeenStarted().hasBeenStopped()
                    .hasLowCardinalityKeyValue("database", "asyncDatabase")
                    .hasLowCardinalityKeyValue("operation", "select")
                    .hasLowCardinalityKeyValue("entity", "Shelf")
                    .hasLowCardinalityKeyValue("statement", StatementIds.of(sql))
                    .doesNotHaveLowCardinalityKeyValueWithKey("sql")
                    .hasHighCardinalityKeyValue("sql", sql)
                    .doesNotHaveHighCardinalityKeyValue("sql", "secret value");
        });
    }

    @Test
    void aFailedStatementIsAnObservationWithItsError() {
        runner().run(context -> {
            AsyncDatabase db = context.getBean(AsyncDatabase.class);
            TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
            registry.clear();
            assertThatThrownBy(() -> db.execute("UPDATE no_such_table_here SET x = 1").block(TIMEOUT));

            TestObservationRegistryAssert.assertThat(registry)
                    .hasObservationWithNameEqualTo(NextOrmObservations.NAME).that().hasError()
                    .hasLowCardinalityKeyValue("operation", "update");
        });
    }

    @Test
    void observationsCanBeTurnedOff() {
        runner().withPropertyValues("nextorm.observations.enabled=false").run(context -> {
            TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
            registry.clear();
            context.getBean(AsyncDatabase.class).aselect(Shelf.class).count().block(TIMEOUT);
            TestObservationRegistryAssert.assertThat(registry).doesNotHaveAnyObservation();
        });
    }

    @Test
    void refusesAMissingRegistry() {
        assertThatThrownBy(() -> new NextOrmObservations(null, "db")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ObservationRegistry");
    }

    @Test
    void aNoopRegistryObservesNothing() {
        new NextOrmObservations(ObservationRegistry.NOOP, "db").executed(new io.nextorm.spi.StatementInfo(
                "SELECT 1", "SELECT 1", "select", null, java.time.Duration.ZERO, 1, null));
    }

    @Configuration(proxyBeanMethods = false)
    static class Registry {
        @Bean
        TestObservationRegistry observationRegistry() {
            return TestObservationRegistry.create();
        }
    }
}
