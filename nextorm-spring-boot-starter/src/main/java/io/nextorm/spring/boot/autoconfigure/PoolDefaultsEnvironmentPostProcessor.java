package io.nextorm.spring.boot.autoconfigure;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gives Spring Boot's R2DBC pool the defaults nextorm's own pools have, so that a connection the
 * database dropped (a restart, a killed session, an idle timeout) is noticed when it is taken from
 * the pool and replaced, instead of failing the next request: {@code spring.r2dbc.pool.validation-query}
 * {@code SELECT 1} and {@code spring.r2dbc.pool.acquire-retry} 3. They are defaults only: the
 * application's own settings of these properties win, and {@code nextorm.enabled=false} leaves them
 * out. Registered in {@code META-INF/spring.factories}.
 */
public final class PoolDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** The name of the property source holding the defaults. */
    public static final String PROPERTY_SOURCE = "nextormPoolDefaults";

    private static final Map<String, Object> DEFAULTS = Map.of(
            "spring.r2dbc.pool.validation-query", "SELECT 1",
            "spring.r2dbc.pool.acquire-retry", "3");

    /**
     * Creates the post-processor; Spring Boot finds it through {@code META-INF/spring.factories}.
     */
    public PoolDefaultsEnvironmentPostProcessor() {
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("nextorm.enabled", Boolean.class, true)
                || environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        // only what the application leaves unset (its config files are read by now), also below its
        // SpringApplication default properties, which Spring Boot moves to the very end
        Map<String, Object> defaults = new LinkedHashMap<>();
        DEFAULTS.forEach((key, value) -> {
            if (!environment.containsProperty(key)) {
                defaults.put(key, value);
            }
        });
        if (!defaults.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, defaults));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
