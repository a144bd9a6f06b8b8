package io.nextorm.spring.boot.autoconfigure;

import io.nextorm.spring.actuate.NextOrmEndpoint;
import io.nextorm.spring.boot.autoconfigure.fixture.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class NextOrmEndpointAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, NextOrmAutoConfiguration.class,
                    NextOrmEndpointAutoConfiguration.class))
            .withUserConfiguration(FixtureConfiguration.class)
            .withPropertyValues("spring.r2dbc.generate-unique-name=true", "nextorm.schema=create");

    @Test
    void endpointIsThereWhenExposed() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=nextorm")
                .run(context -> assertThat(context.getBean(NextOrmEndpoint.class).statements().databases())
                        .containsOnlyKeys("asyncDatabase"));
    }

    @Test
    void endpointIsNotThereUnlessExposed() {
        runner.run(context -> assertThat(context).doesNotHaveBean(NextOrmEndpoint.class));
    }

    @Test
    void endpointIsNotThereWithoutTheActuator() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=nextorm")
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(NextOrmEndpoint.class));
    }
}
