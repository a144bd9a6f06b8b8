package io.nextorm.spring.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.nextorm.AsyncDatabase;
import io.nextorm.OptimisticCheckException;
import io.nextorm.SqlExecutionException;
import io.nextorm.spi.StatementListener;
import io.nextorm.spi.SessionListener;
import io.nextorm.spi.StatementInfo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Micrometer meters of an {@link AsyncDatabase}: its statements, sessions and transactions.
 *
 * <pre>{@code
 * new NextOrmMetrics(db, "blog", Tags.empty()).bindTo(registry);
 *
 * registry.get("nextorm.query").tag("operation", "select").tag("entity", "Article").timer().count();
 * }</pre>
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th></tr>
 *   <tr><td>{@code nextorm.query}</td><td>timer</td><td>{@code database}, {@code operation} (select,
 *       insert, update, delete, ddl, other), {@code entity} (the entity's name, or {@code none}),
 *       {@code statement} (the {@link StatementIds statement id}), {@code exception} ({@code none},
 *       or the error's simple class name; for a driver error, wrapped in
 *       {@link SqlExecutionException}, the driver's exception's)</td></tr>
 *   <tr><td>{@code nextorm.query.rows}</td><td>distribution summary</td><td>the same but
 *       {@code exception}: rows returned or affected</td></tr>
 *   <tr><td>{@code nextorm.sessions}</td><td>counter</td><td>{@code database}</td></tr>
 *   <tr><td>{@code nextorm.commits}</td><td>counter</td><td>{@code database}</td></tr>
 *   <tr><td>{@code nextorm.rollbacks}</td><td>counter</td><td>{@code database}</td></tr>
 *   <tr><td>{@code nextorm.optimistic.failures}</td><td>counter</td><td>{@code database}</td></tr>
 * </table>
 * The SQL text never becomes a tag (it can be long and unbounded, and literals in hand-written SQL
 * may be personal data); the Actuator endpoint {@code nextorm} maps an id to its SQL. The number of
 * distinct {@code statement} tags should be capped with a meter filter (the starter does, with
 * {@code nextorm.metrics.max-statements}).
 *
 * <p>Binding adds a statement listener and a session listener to the database, before or after
 * {@link AsyncDatabase#bind}; they stay across the database's {@code close()} and a later bind.
 * {@link #close()} removes them, as Micrometer's own binders stop recording when closed.
 * Recording costs a map lookup per statement: meters are looked up once per statement and kept.
 */
public class NextOrmMetrics implements MeterBinder, AutoCloseable {

    /** The most statements whose meters are kept for reuse; beyond it they are looked up each time. */
    private static final int MAX_CACHED_STATEMENTS = 10_000;

    private final AsyncDatabase db;
    private final Tags tags;
    private final List<StatementListener> statementListeners = new CopyOnWriteArrayList<>();
    private final List<SessionListener> sessionListeners = new CopyOnWriteArrayList<>();

    /**
     * Meters of a database.
     *
     * @param db the database, bound
     * @param name the {@code database} tag: in Spring, the database's bean name
     * @param tags further tags of every meter
     */
    public NextOrmMetrics(AsyncDatabase db, String name, Iterable<Tag> tags) {
        if (db == null || name == null) {
            throw new IllegalArgumentException("NextOrmMetrics needs a database and its name");
        }
        this.db = db;
        this.tags = Tags.concat(tags, "database", name);
    }

    /**
     * Registers the counters and starts recording statements and sessions into the registry.
     *
     * @param registry the registry
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Counter sessions = counter(registry, "nextorm.sessions", "Sessions begun");
        Counter commits = counter(registry, "nextorm.commits", "Session transactions committed");
        Counter rollbacks = counter(registry, "nextorm.rollbacks", "Session transactions rolled back");
        Counter optimistic = counter(registry, "nextorm.optimistic.failures",
                "Updates and deletes that found their row changed or gone since it was read");
        SessionListener sessionMeters = new SessionListener() {
            @Override
            public void sessionStarted() {
                sessions.increment();
            }

            @Override
            public void committed() {
                commits.increment();
            }

            @Override
            public void rolledBack() {
                rollbacks.increment();
            }

            @Override
            public void optimisticCheckFailed(OptimisticCheckException exception) {
                optimistic.increment();
            }
        };
        StatementListener statementMeters = new StatementMeters(registry, tags);
        sessionListeners.add(sessionMeters);
        statementListeners.add(statementMeters);
        db.addSessionListener(sessionMeters);
        db.addStatementListener(statementMeters);
    }

    /**
     * Stops recording: removes the listeners that {@link #bindTo} added to the database (of every
     * registry it was bound to). The meters stay in their registries. Closing twice does nothing.
     */
    @Override
    public void close() {
        for (StatementListener listener : statementListeners) {
            db.removeStatementListener(listener);
        }
        for (SessionListener listener : sessionListeners) {
            db.removeSessionListener(listener);
        }
        statementListeners.clear();
        sessionListeners.clear();
    }

    private Counter counter(MeterRegistry registry, String name, String description) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }

    /**
     * The {@code exception} tag of an error.
     *
     * @param error the error, or null
     * @return {@code none}, or the simple class name (of the driver's exception for a wrapped one)
     */
    static String exceptionTag(Throwable error) {
        if (error == null) {
            return "none";
        }
        Throwable tagged = error instanceof SqlExecutionException && error.getCause() != null ? error.getCause() : error;
        String simpleName = tagged.getClass().getSimpleName();
        return simpleName.isEmpty() ? tagged.getClass().getName() : simpleName;
    }

    /** Records each statement into its timer and rows summary. */
    private static final class StatementMeters implements StatementListener {

        private final MeterRegistry registry;
        private final Tags tags;
        private final Map<String, Meters> byKey = new ConcurrentHashMap<>();

        StatementMeters(MeterRegistry registry, Tags tags) {
            this.registry = registry;
            this.tags = tags;
        }

        @Override
        public void executed(StatementInfo statement) {
            String key = statement.key();
            Meters meters = byKey.get(key);
            if (meters == null) {
                meters = new Meters(registry, tags.and(
                        "operation", statement.operation(),
                        "entity", statement.entity() == null ? "none" : statement.entity(),
                        "statement", StatementIds.of(key)));
                if (byKey.size() < MAX_CACHED_STATEMENTS) {
                    byKey.put(key, meters);
                }
            }
            Throwable error = statement.error();
            (error == null ? meters.succeeded(registry) : meters.timer(registry, exceptionTag(error)))
                    .record(statement.duration());
            meters.rows.record(statement.rows());
        }
    }

    /** The meters of one statement. */
    private static final class Meters {

        private final Tags tags;
        private final DistributionSummary rows;
        private volatile Timer succeeded;

        Meters(MeterRegistry registry, Tags tags) {
            this.tags = tags;
            this.rows = DistributionSummary.builder("nextorm.query.rows")
                    .description("Rows a statement returned or changed")
                    .baseUnit("rows")
                    .tags(tags)
                    .register(registry);
        }

        // registered at its first use, so that a statement that only failed has no empty success timer
        Timer succeeded(MeterRegistry registry) {
            Timer timer = succeeded;
            if (timer == null) {
                timer = timer(registry, "none");
                succeeded = timer;
            }
            return timer;
        }

        Timer timer(MeterRegistry registry, String exception) {
            return Timer.builder("nextorm.query")
                    .description("Statements sent to the database, from sending to the last row")
                    .tags(tags)
                    .tag("exception", exception)
                    .register(registry);
        }
    }
}
