package io.nextorm.spring.boot.autoconfigure;

import io.nextorm.SchemaCheck;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * nextorm's settings, under {@code nextorm.*}.
 *
 * <pre>{@code
 * nextorm:
 *   entity-packages: com.example.blog
 *   schema: validate        # the default; create makes the missing tables, none checks nothing
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
     * What startup does with the database's schema: validate (the default) checks the tables and
     * columns against the entities and fails startup listing every mismatch; create first creates
     * the missing tables (CREATE TABLE IF NOT EXISTS), then validates; none checks nothing. When
     * set, it wins over the deprecated nextorm.create-tables.
     */
    private SchemaCheck schema;

    /**
     * Whether to create the missing tables at startup (CREATE TABLE IF NOT EXISTS). Deprecated
     * alias: true means nextorm.schema=create, and is ignored when nextorm.schema is set.
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
     * The schema check as set by {@code nextorm.schema}.
     *
     * @return the check, or null when the property is not set (see {@link #schemaCheck()})
     */
    public SchemaCheck getSchema() {
        return schema;
    }

    /**
     * Sets what startup does with the database's schema ({@code nextorm.schema}).
     *
     * @param schema validate, create or none; null for the default
     */
    public void setSchema(SchemaCheck schema) {
        this.schema = schema;
    }

    /**
     * The schema check startup runs: {@code nextorm.schema} when it is set; otherwise
     * {@link SchemaCheck#CREATE} when the deprecated {@code nextorm.create-tables} is true, else
     * {@link SchemaCheck#VALIDATE}.
     *
     * @return the check to run
     */
    public SchemaCheck schemaCheck() {
        if (schema != null) {
            return schema;
        }
        return createTables ? SchemaCheck.CREATE : SchemaCheck.VALIDATE;
    }

    /**
     * Whether missing tables are created at startup.
     *
     * @return true to create them
     * @deprecated use {@code nextorm.schema=create} ({@link #getSchema()}); true means create unless
     *             {@code nextorm.schema} is set
     */
    @Deprecated
    @DeprecatedConfigurationProperty(replacement = "nextorm.schema",
            reason = "nextorm.schema=create creates the missing tables and validates the rest")
    public boolean isCreateTables() {
        return createTables;
    }

    /**
     * Sets whether missing tables are created at startup.
     *
     * @param createTables true to create them
     * @deprecated use {@link #setSchema(SchemaCheck)} with {@link SchemaCheck#CREATE}
     */
    @Deprecated
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
