package io.nextorm.spring.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.nextorm.AsyncDatabase;
import io.nextorm.spring.boot.autoconfigure.fixture.FixtureConfiguration;
import io.nextorm.spring.boot.autoconfigure.fixture.Shelf;
import io.nextorm.spring.boot.autoconfigure.fixture.Shelf_;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class NextOrmMetricsAutoConfigurationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
                    R2dbcAutoConfiguration.class, NextOrmAutoConfiguration.class,
                    NextOrmMetricsAutoConfiguration.class))
            .withUserConfiguration(FixtureConfiguration.class)
            .withPropertyValues("spring.r2dbc.generate-unique-name=true", "nextorm.schema=create");

    @Test
    void queriesAreMeteredUnderTheDatabasesBeanName() {
        runner.run(context -> {
            context.getBean(AsyncDatabase.class).aselect(Shelf.class).fetchAll().block(TIMEOUT);

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("nextorm.query").tag("database", "asyncDatabase").tag("operation", "select")
                    .tag("entity", "Shelf").timer().count()).isEqualTo(1);
            assertThat(registry.get("nextorm.sessions").tag("database", "asyncDatabase").counter().count()).isZero();
        });
    }

    @Test
    void statementTagsAreCappedByMaxStatements() {
        runner.withPropertyValues("nextorm.metrics.max-statements=1").run(context -> {
            AsyncDatabase db = context.getBean(AsyncDatabase.class);
            db.aselect(Shelf.class).fetchAll().then(db.aselect(Shelf.class).filter(Shelf_.name.eq("a")).fetchAll())
                    .block(TIMEOUT);

            assertThat(context).hasBean(NextOrmMetricsAutoConfiguration.STATEMENT_TAGS_FILTER);
            assertThat(context.getBean(MeterRegistry.class).get("nextorm.query").timers()).hasSize(1);
        });
    }

    @Test
    void metricsCanBeSwitchedOff() {
        runner.withPropertyValues("nextorm.metrics.enabled=false").run(context -> {
            context.getBean(AsyncDatabase.class).aselect(Shelf.class).fetchAll().block(TIMEOUT);

            assertThat(context).doesNotHaveBean(NextOrmMetricsAutoConfiguration.STATEMENT_TAGS_FILTER);
            assertThat(context.getBean(MeterRegistry.class).find("nextorm.query").timers()).isEmpty();
            assertThat(context.getBean(MeterRegistry.class).find("nextorm.sessions").counters()).isEmpty();
        });
    }

    @Test
    void backsOffWithoutAMeterRegistry() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, NextOrmAutoConfiguration.class,
                        NextOrmMetricsAutoConfiguration.class))
                .withUserConfiguration(FixtureConfiguration.class)
                .withPropertyValues("spring.r2dbc.generate-unique-name=true", "nextorm.schema=create")
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(NextOrmMetricsAutoConfiguration.STATEMENT_TAGS_FILTER));
    }

    @Test
    void backsOffWithoutMicrometerOnTheClassPath() {
        runner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(NextOrmMetricsAutoConfiguration.STATEMENT_TAGS_FILTER));
    }

    @Test
    void beanNameLosesItsAsyncDatabaseSuffix() {
        assertThat(DatabaseNames.of("ordersAsyncDatabase")).isEqualTo("orders");
        assertThat(DatabaseNames.of("asyncDatabase")).isEqualTo("asyncDatabase");
        assertThat(DatabaseNames.of("blog")).isEqualTo("blog");
    }
}
