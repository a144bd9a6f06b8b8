package io.nextorm.spring.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.nextorm.AsyncDatabase;
import io.nextorm.spring.actuate.NextOrmEndpoint;
import io.nextorm.spring.boot.autoconfigure.fixture.Book;
import io.nextorm.spring.boot.autoconfigure.fixture.Shelf;
import io.nextorm.spring.boot.autoconfigure.fixture.Shelf_;
import io.nextorm.spring.testkit.SpringDatabaseKit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Metrics and the endpoint with the application's own AsyncDatabase bean, bound later, and paging
 * as one statement, on H2, PostgreSQL and MariaDB.
 */
class UserDatabaseMetricsTest extends SpringDatabaseKit {

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                        SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
                        R2dbcAutoConfiguration.class, NextOrmAutoConfiguration.class,
                        NextOrmMetricsAutoConfiguration.class))
                .withPropertyValues(databaseProperties());
    }

    @Test
    void anUnboundDatabaseOfTheApplicationIsMeteredOnceBound() {
        runner().withUserConfiguration(UnboundDatabase.class).run(context -> {
            assertThat(context).hasNotFailed();
            AsyncDatabase db = context.getBean(AsyncDatabase.class);
            assertThat(db.isBound()).isFalse();

            db.bind(context.getBean(io.r2dbc.spi.ConnectionFactory.class))
                    .then(db.generateMapping(true, true))
                    .then(reactor.core.publisher.Mono.defer(() -> db.aselect(Shelf.class).count()))
                    .block(TIMEOUT);

            assertThat(context.getBean(MeterRegistry.class).get("nextorm.query").tag("database", "ownDatabase")
                    .tag("operation", "select").timer().count()).isEqualTo(1);
            db.close().block(TIMEOUT);
        });
    }

    @Test
    void fiftyPagesAreOneStatementInTheEndpointAndOneMeterSeries() {
        runner().withUserConfiguration(io.nextorm.spring.boot.autoconfigure.fixture.FixtureConfiguration.class)
                .withPropertyValues("nextorm.schema=create")
                .run(context -> {
                    AsyncDatabase db = context.getBean(AsyncDatabase.class);
                    db.clearLocalStats();
                    for (int page = 1; page <= 50; page++) {
                        db.aselect(Shelf.class).orderBy(Shelf_.name.asc()).page(page, 10).fetchAll().block(TIMEOUT);
                    }

                    NextOrmEndpoint.StatementsDescriptor statements = new NextOrmEndpoint(
                            java.util.Map.of("asyncDatabase", db)).statements().databases().get("asyncDatabase");
                    assertThat(statements.statements()).hasSize(1);
                    assertThat(statements.statements().get(0).count()).isEqualTo(50);
                    assertThat(context.getBean(MeterRegistry.class).get("nextorm.query").tag("operation", "select")
                            .timers()).hasSize(1);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class UnboundDatabase {
        @Bean(destroyMethod = "")
        AsyncDatabase ownDatabase() {
            return new AsyncDatabase(List.of(Shelf.class, Book.class));
        }
    }

}
