package io.nextorm.spring.boot.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * nextorm's settings, under {@code nextorm.*}.
 *
 * <pre>{@code
 * nextorm:
 *   entity-packages: com.example.blog
 *   create-tables: true
 *   validate-relations: true
 *   metrics:
 *     max-statements: 200
 * }</pre>
 *
 * The connection itself comes from Spring Boot's {@code spring.r2dbc.*} settings (an embedded H2
 * database when there are none).
 */
@ConfigurationProperties("nextorm")
public class NextOrmProperties {

    /**
     * Packages whose entities (and those of their subpackages) the AsyncDatabase maps. When empty,
     * the application's package: that of the @SpringBootApplication class.
     */
    private List<String> entityPackages = new ArrayList<>();

    /**
     * Whether to create the missing tables at startup (CREATE TABLE IF NOT EXISTS).
     */
    private boolean createTables = false;

    /**
     * Whether every Set relation must have exactly one reverse side (a reference or a Set back);
     * a relation that has none, or two, then fails startup.
     */
    private boolean validateRelations = true;

    /**
     * Whether to auto-configure an AsyncDatabase.
     */
    private boolean enabled = true;

    /**
     * How long startup waits for the database to be reached and the entities to be mapped before
     * it fails.
     */
    private Duration startupTimeout = Duration.ofSeconds(30);

    /**
     * Query metrics.
     */
    private final Metrics metrics = new Metrics();

    /**
     * Observations (spans) of statements.
     */
    private final Observations observations = new Observations();

    /**
     * Whether an AsyncDatabase is auto-configured.
     *
     * @return true by default
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Sets whether an AsyncDatabase is auto-configured.
     *
     * @param enabled false to leave nextorm out
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * How long startup waits for the database.
     *
     * @return the timeout, 30 seconds by default
     */
    public Duration getStartupTimeout() {
        return startupTimeout;
    }

    /**
     * Sets how long startup waits for the database.
     *
     * @param startupTimeout a positive duration
     */
    public void setStartupTimeout(Duration startupTimeout) {
        if (startupTimeout == null || startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("nextorm.startup-timeout must be a positive duration such as 30s, got "
                    + startupTimeout);
        }
        this.startupTimeout = startupTimeout;
    }

    /**
     * The packages to map entities from.
     *
     * @return the package names; empty for the application's package
     */
    public List<String> getEntityPackages() {
        return entityPackages;
    }

    /**
     * Sets the packages to map entities from.
     *
     * @param entityPackages the package names
     */
    public void setEntityPackages(List<String> entityPackages) {
        this.entityPackages = entityPackages;
    }

    /**
     * Whether missing tables are created at startup.
     *
     * @return true to create them
     */
    public boolean isCreateTables() {
        return createTables;
    }

    /**
     * Sets whether missing tables are created at startup.
     *
     * @param createTables true to create them
     */
    public void setCreateTables(boolean createTables) {
        this.createTables = createTables;
    }

    /**
     * Whether Set relations are validated at startup.
     *
     * @return true to validate them
     */
    public boolean isValidateRelations() {
        return validateRelations;
    }

    /**
     * Sets whether Set relations are validated at startup.
     *
     * @param validateRelations true to validate them
     */
    public void setValidateRelations(boolean validateRelations) {
        this.validateRelations = validateRelations;
    }

    /**
     * The observation settings.
     *
     * @return the observation settings
     */
    public Observations getObservations() {
        return observations;
    }

    /**
     * The metrics settings.
     *
     * @return the metrics settings
     */
    public Metrics getMetrics() {
        return metrics;
    }

    /**
     * Settings of the query metrics ({@code nextorm.metrics.*}).
     */
    public static class Metrics {

        /**
         * Whether the query statistics are published as Micrometer meters.
         */
        private boolean enabled = true;

        /**
         * The most distinct statements tagged on the nextorm.query meters; further statements are
         * not given meters of their own, which keeps the number of time series bounded.
         */
        private int maxStatements = 100;

        /**
         * Whether query meters are published.
         *
         * @return true to publish them
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether query meters are published.
         *
         * @param enabled true to publish them
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * The most distinct statement tags.
         *
         * @return the cap
         */
        public int getMaxStatements() {
            return maxStatements;
        }

        /**
         * Sets the most distinct statement tags.
         *
         * @param maxStatements the cap
         */
        public void setMaxStatements(int maxStatements) {
            this.maxStatements = maxStatements;
        }
    }

    /**
     * Settings of the {@code nextorm.query} Observations.
     */
    public static class Observations {

        /**
         * Whether to make an Observation (a span, with tracing) per statement when the application
         * has an ObservationRegistry.
         */
        private boolean enabled = true;

        /**
         * Whether observations are made.
         *
         * @return true by default
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether observations are made.
         *
         * @param enabled false to make none
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
