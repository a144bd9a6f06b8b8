package io.nextorm.spring.boot.autoconfigure;

import io.nextorm.AsyncDatabase;
import io.nextorm.spring.boot.autoconfigure.fixture.Shelf;
import io.nextorm.spring.testkit.SpringDatabaseKit;
import io.nextorm.spring.testkit.SpringTestDatabase;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Mono;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Boot's pool, with nextorm's defaults, replaces a connection the database killed (PostgreSQL, MariaDB). */
class PoolRecoveryTest extends SpringDatabaseKit {

    @Test
    void poolDefaultsAreSetAndTheApplicationsOwnWin() {
        try (ConfigurableApplicationContext context = application("spring.r2dbc.pool.acquire-retry=5").run()) {
            assertThat(context.getEnvironment().getProperty("spring.r2dbc.pool.validation-query")).isEqualTo("SELECT 1");
            assertThat(context.getEnvironment().getProperty("spring.r2dbc.pool.acquire-retry")).isEqualTo("5");
        }
    }

    @Test
    void aKilledConnectionIsReplacedByThePool() {
        Assumptions.assumeFalse(target == SpringTestDatabase.H2, "an embedded H2 connection cannot be killed");
        try (ConfigurableApplicationContext context = application().run()) {
            AsyncDatabase db = context.getBean(AsyncDatabase.class);
            boolean postgres = target == SpringTestDatabase.POSTGRES;
            Map<String, Object> row = db.selectRaw(postgres ? "SELECT pg_backend_pid() AS id" : "SELECT CONNECTION_ID() AS id")
                    .block(TIMEOUT).get(0);
            long id = ((Number) row.get("id")).longValue();

            String url = context.getEnvironment().getProperty("spring.r2dbc.url");
            Mono.usingWhen(Mono.from(ConnectionFactories.get(url).create()),
                    connection -> Mono.from(connection.createStatement(postgres
                            ? "SELECT pg_terminate_backend(" + id + ")" : "KILL " + id).execute())
                            .flatMap(result -> Mono.from(result.getRowsUpdated())),
                    Connection::close).block(TIMEOUT);

            assertThat(db.aselect(Shelf.class).count().block(TIMEOUT)).as("the next query works").isNotNegative();
        }
    }

    private SpringApplicationBuilder application(String... properties) {
        return new SpringApplicationBuilder(PoolApplication.class)
                .web(WebApplicationType.NONE)
                .properties(databaseProperties())
                .properties("nextorm.schema=create", "spring.r2dbc.pool.max-size=1", "spring.r2dbc.pool.initial-size=1",
                        "nextorm.entity-packages=" + Shelf.class.getPackageName())
                .properties(properties);
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @ImportAutoConfiguration({R2dbcAutoConfiguration.class, NextOrmAutoConfiguration.class})
    static class PoolApplication {
    }
}
