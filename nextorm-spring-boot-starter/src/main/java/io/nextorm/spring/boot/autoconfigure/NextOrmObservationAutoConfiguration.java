package io.nextorm.spring.boot.autoconfigure;

import io.micrometer.observation.ObservationRegistry;
import io.nextorm.AsyncDatabase;
import io.nextorm.spring.observation.NextOrmObservations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import java.util.Map;

/**
 * An Observation ({@code nextorm.query}) per statement of every {@link AsyncDatabase} bean, auto-
 * bound or the application's own, when the application has an {@link ObservationRegistry} (Spring
 * Boot's, with the actuator); {@code nextorm.observations.enabled=false} turns them off.
 *
 * @see NextOrmObservations
 */
@AutoConfiguration(after = {NextOrmAutoConfiguration.class, NextOrmMetricsAutoConfiguration.class},
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ObservationRegistry.class, AsyncDatabase.class})
@ConditionalOnBean({ObservationRegistry.class, AsyncDatabase.class})
@ConditionalOnProperty(prefix = "nextorm.observations", name = "enabled", havingValue = "true", matchIfMissing = true)
public final class NextOrmObservationAutoConfiguration {

    /**
     * Creates the auto-configuration; called by Spring.
     */
    public NextOrmObservationAutoConfiguration() {
    }

    /**
     * Adds the observing statement listener to every database.
     *
     * @param databases the databases, by bean name
     * @param registry the application's observation registry
     */
    @Autowired
    void observeDatabases(Map<String, AsyncDatabase> databases, ObservationRegistry registry) {
        databases.forEach((beanName, db) -> db.addStatementListener(
                new NextOrmObservations(registry, DatabaseNames.of(beanName))));
    }
}
