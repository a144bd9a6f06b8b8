package io.nextorm.spring.boot.autoconfigure;

import io.nextorm.AsyncDatabase;
import io.nextorm.spring.actuate.NextOrmEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Auto-configuration of the Actuator endpoint {@code nextorm} ({@link NextOrmEndpoint}) over every
 * {@link AsyncDatabase} bean, when the endpoint is available: enabled (by default) and exposed
 * ({@code management.endpoints.web.exposure.include=nextorm}, or through JMX).
 */
@AutoConfiguration(after = NextOrmAutoConfiguration.class)
@ConditionalOnClass(name = {"org.springframework.boot.actuate.endpoint.annotation.Endpoint",
        "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint"})
public final class NextOrmEndpointAutoConfiguration {

    /**
     * Creates the auto-configuration; called by Spring.
     */
    public NextOrmEndpointAutoConfiguration() {
    }

    /**
     * The endpoint.
     *
     * @param databases the databases, by bean name
     * @return the endpoint, listing each database under its name (less an {@code AsyncDatabase} suffix)
     */
    // the endpoint condition is on the method, not the class: Spring loads every condition of a class
    // before it evaluates any, and without the actuator that condition's class is missing
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(AsyncDatabase.class)
    @ConditionalOnAvailableEndpoint(NextOrmEndpoint.class)
    public NextOrmEndpoint nextOrmEndpoint(Map<String, AsyncDatabase> databases) {
        Map<String, AsyncDatabase> byName = new LinkedHashMap<>();
        databases.forEach((beanName, db) -> byName.put(DatabaseNames.of(beanName), db));
        return new NextOrmEndpoint(byName);
    }
}
