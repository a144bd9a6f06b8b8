package io.nextorm.spring.boot.autoconfigure;

import io.nextorm.spring.boot.autoconfigure.fixture.FixtureConfiguration;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcInitializationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** spring.sql.init (and so Flyway, Liquibase) runs before nextorm starts. */
class DatabaseInitializationOrderTest {

    @Test
    void sqlInitScriptsRunBeforeTheDatabaseIsMapped() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class,
                        R2dbcInitializationAutoConfiguration.class, NextOrmAutoConfiguration.class))
                .withUserConfiguration(FixtureConfiguration.class, Probe.class)
                .withPropertyValues("spring.r2dbc.generate-unique-name=true", "spring.sql.init.mode=always",
                        "spring.sql.init.schema-locations=classpath:init-order/schema.sql", "nextorm.schema=create")
                .run(context -> assertThat(context.getBean("seenByCustomizer"))
                        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                        .containsExactly("init_marker exists"));
    }

    @Test
    void detectorNamesTheDatabaseBeans() {
        assertThat(new NextOrmDependsOnDatabaseInitializationDetector().getDependsOnDatabaseInitializationBeanTypes())
                .containsExactly(io.nextorm.AsyncDatabase.class);
    }

    @Configuration(proxyBeanMethods = false)
    static class Probe {
        @Bean
        List<String> seenByCustomizer() {
            return new ArrayList<>();
        }

        @Bean
        NextOrmCustomizer probeCustomizer(ConnectionFactory connectionFactory, List<String> seenByCustomizer) {
            return db -> seenByCustomizer.add(Mono.usingWhen(Mono.from(connectionFactory.create()),
                            (Connection c) -> Flux.from(c.createStatement("SELECT COUNT(*) FROM init_marker").execute())
                                    .flatMap(r -> r.map(row -> "init_marker exists")).next(),
                            Connection::close)
                    .onErrorReturn("init_marker missing").block(Duration.ofSeconds(30)));
        }
    }
}
