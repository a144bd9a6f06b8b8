package io.nextorm.spring.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.nextorm.AsyncDatabase;
import io.nextorm.spring.metrics.NextOrmMetrics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.MaximumAllowableTagsMeterFilter;
import org.springframework.context.annotation.Bean;

import java.util.Map;

/**
 * Auto-configuration of nextorm's Micrometer meters: {@link NextOrmMetrics} for every
 * {@link AsyncDatabase} bean, tagged {@code database} with its bean name (less an
 * {@code AsyncDatabase} suffix), when the application has a {@link MeterRegistry} (Spring Boot's
 * actuator) and {@code nextorm.metrics.enabled} is not false. The number of distinct
 * {@code statement} tags on the {@code nextorm.query} meters is capped at
 * {@code nextorm.metrics.max-statements} with Spring Boot's {@link MaximumAllowableTagsMeterFilter}:
 * statements beyond it get no meters (a warning is logged once), so a stream of distinct
 * hand-written statements cannot grow the registry without bound.
 */
@AutoConfiguration(after = NextOrmAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, MaximumAllowableTagsMeterFilter.class, AsyncDatabase.class})
@ConditionalOnBean({MeterRegistry.class, AsyncDatabase.class})
@ConditionalOnProperty(prefix = "nextorm.metrics", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(NextOrmProperties.class)
public final class NextOrmMetricsAutoConfiguration {

    /** The name of the meter filter bean that caps the statement tags. */
    public static final String STATEMENT_TAGS_FILTER = "nextOrmStatementTagsMeterFilter";

    /**
     * Creates the auto-configuration; called by Spring.
     */
    public NextOrmMetricsAutoConfiguration() {
    }

    /**
     * Caps the distinct {@code statement} tags of the {@code nextorm.query} and
     * {@code nextorm.query.rows} meters at {@code nextorm.metrics.max-statements}.
     *
     * @param properties nextorm's settings
     * @return the meter filter, which Spring Boot applies to every registry
     */
    @Bean(STATEMENT_TAGS_FILTER)
    @ConditionalOnMissingBean(name = STATEMENT_TAGS_FILTER)
    public static MeterFilter nextOrmStatementTagsMeterFilter(NextOrmProperties properties) {
        int maxStatements = properties.getMetrics().getMaxStatements();
        return new MaximumAllowableTagsMeterFilter("nextorm.query", "statement", maxStatements,
                "Reached the maximum number of statement tags (" + maxStatements + ") of the nextorm.query meters: "
                        + "further statements are not metered. Raise nextorm.metrics.max-statements if they are "
                        + "statements of the application's own (not, say, SQL built with literals)");
    }

    /**
     * Binds the meters of every database to the registry.
     *
     * @param databases the databases, by bean name
     * @param registry the application's registry
     */
    @Autowired
    void bindDatabasesToRegistry(Map<String, AsyncDatabase> databases, MeterRegistry registry) {
        databases.forEach((beanName, db) -> new NextOrmMetrics(db, DatabaseNames.of(beanName), Tags.empty())
                .bindTo(registry));
    }
}
