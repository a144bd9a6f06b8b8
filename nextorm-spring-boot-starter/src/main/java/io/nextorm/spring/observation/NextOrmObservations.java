package io.nextorm.spring.observation;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.nextorm.spi.StatementInfo;
import io.nextorm.spi.StatementListener;
import io.nextorm.spring.metrics.StatementIds;

/**
 * An Observation per statement of a database, named {@value #NAME}: with Micrometer Tracing, a span
 * per statement.
 *
 * <pre>{@code
 * db.addStatementListener(new NextOrmObservations(observationRegistry, "asyncDatabase"));
 * }</pre>
 *
 * Low-cardinality keys (span tags, also fit for meters): {@code database} (the bean name),
 * {@code operation} (select, insert, update, delete, ddl, other), {@code entity} (or {@code none})
 * and {@code statement} (the short statement id the {@code nextorm} Actuator endpoint lists). The SQL
 * text is a high-cardinality key only, {@code sql} (never a meter tag); bound values are never
 * recorded. A failed statement's error is the observation's error.
 *
 * <p>The observation is made when the statement has finished (statement listeners are told then),
 * so its own timing is not the statement's: the statement's time is in the {@code nextorm.query}
 * timer of {@link io.nextorm.spring.metrics.NextOrmMetrics} and in the observation's {@code duration}
 * high-cardinality key (nanoseconds).
 */
public final class NextOrmObservations implements StatementListener {

    /** The observation's name. */
    public static final String NAME = "nextorm.query";

    private final ObservationRegistry registry;
    private final String database;

    /**
     * Observations of one database's statements.
     *
     * @param registry where observations go
     * @param database the {@code database} key: in Spring, the database's bean name
     */
    public NextOrmObservations(ObservationRegistry registry, String database) {
        if (registry == null || database == null) {
            throw new IllegalArgumentException("NextOrmObservations needs an ObservationRegistry and the database's name");
        }
        this.registry = registry;
        this.database = database;
    }

    @Override
    public void executed(StatementInfo statement) {
        if (registry.isNoop()) {
            return;
        }
        String entity = statement.entity() == null ? "none" : statement.entity();
        Observation observation = Observation.createNotStarted(NAME, registry)
                .contextualName("nextorm " + statement.operation() + " " + entity)
                .lowCardinalityKeyValues(KeyValues.of("database", database, "operation", statement.operation(),
                        "entity", entity, "statement", StatementIds.of(statement.key())))
                .highCardinalityKeyValues(KeyValues.of("sql", statement.sql(),
                        "duration", Long.toString(statement.duration().toNanos()),
                        "rows", Long.toString(statement.rows())));
        observation.start();
        if (statement.error() != null) {
            observation.error(statement.error());
        }
        observation.stop();
    }
}
