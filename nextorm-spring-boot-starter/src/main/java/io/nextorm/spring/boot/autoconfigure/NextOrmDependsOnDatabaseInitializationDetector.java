package io.nextorm.spring.boot.autoconfigure;

import io.nextorm.AsyncDatabase;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

import java.util.Set;

/**
 * Makes every {@link AsyncDatabase} bean depend on the application's database initialization, so
 * that Flyway, Liquibase and {@code spring.sql.init} scripts have run before nextorm maps the
 * entities and checks the schema at startup. Registered in {@code META-INF/spring.factories}.
 */
public final class NextOrmDependsOnDatabaseInitializationDetector
        extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    /**
     * Creates the detector; Spring Boot finds it through {@code META-INF/spring.factories}.
     */
    public NextOrmDependsOnDatabaseInitializationDetector() {
    }

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(AsyncDatabase.class);
    }
}
