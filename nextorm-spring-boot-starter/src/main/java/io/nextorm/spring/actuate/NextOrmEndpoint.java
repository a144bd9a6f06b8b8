package io.nextorm.spring.actuate;

import io.nextorm.AsyncDatabase;
import io.nextorm.QueryStat;
import io.nextorm.QueryStats;
import io.nextorm.spring.metrics.StatementIds;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Actuator endpoint {@code nextorm}: every statement nextorm sent, with its id (the
 * {@code statement} tag of the {@code nextorm.query} meters), its SQL text (never the values) and
 * its statistics, per database ({@code db.localStats()}) and process-wide
 * ({@link QueryStats#global()}), slowest (highest mean time) first. A slow statement id seen on a
 * dashboard leads here, to its SQL.
 *
 * <pre>
 * GET /actuator/nextorm              every statement
 * GET /actuator/nextorm/5c1f0e3a9b   the statement with that id
 *
 * {"databases": {"asyncDatabase": {"statements": [
 *     {"id": "5c1f0e3a9b", "sql": "SELECT ... WHERE t0.id = ?", "count": 12,
 *      "sumMs": 8.1, "minMs": 0.4, "maxMs": 2.2, "avgMs": 0.68}]}},
 *  "global": {"statements": []}}
 * </pre>
 */
@Endpoint(id = "nextorm")
public class NextOrmEndpoint {

    private static final Comparator<StatementDescriptor> SLOWEST_FIRST = Comparator
            .comparingDouble(StatementDescriptor::avgMs).reversed()
            .thenComparing(Comparator.comparingDouble(StatementDescriptor::sumMs).reversed())
            .thenComparing(StatementDescriptor::sql);

    private final Map<String, AsyncDatabase> databases;

    /**
     * An endpoint over databases.
     *
     * @param databases the databases by name (in Spring, their bean names)
     */
    public NextOrmEndpoint(Map<String, AsyncDatabase> databases) {
        this.databases = new LinkedHashMap<>(databases);
    }

    /**
     * Every statement of every database, and the global statistics.
     *
     * @return the statements, slowest first
     */
    @ReadOperation
    public NextOrmDescriptor statements() {
        return describe(null);
    }

    /**
     * One statement, by id.
     *
     * @param id the statement id, as on the {@code nextorm.query} meters
     * @return its statistics per database and globally; null (404) when no statement has that id
     */
    @ReadOperation
    public NextOrmDescriptor statement(@Selector String id) {
        NextOrmDescriptor found = describe(id);
        boolean any = !found.global().statements().isEmpty()
                || found.databases().values().stream().anyMatch(database -> !database.statements().isEmpty());
        return any ? found : null;
    }

    private NextOrmDescriptor describe(String id) {
        Map<String, StatementsDescriptor> byDatabase = new LinkedHashMap<>();
        databases.forEach((name, db) -> byDatabase.put(name, statements(db.localStats(), id)));
        return new NextOrmDescriptor(byDatabase, statements(QueryStats.global(), id));
    }

    private static StatementsDescriptor statements(Map<String, QueryStat> stats, String id) {
        List<StatementDescriptor> statements = new ArrayList<>();
        stats.forEach((sql, stat) -> {
            String statementId = StatementIds.of(sql);
            if (id == null || id.equals(statementId)) {
                statements.add(new StatementDescriptor(statementId, sql, stat.count(), millis(stat.sumTime()),
                        millis(stat.minTime()), millis(stat.maxTime()), millis(stat.avgTime())));
            }
        });
        statements.sort(SLOWEST_FIRST);
        return new StatementsDescriptor(statements);
    }

    private static double millis(Duration time) {
        return time.toNanos() / 1_000_000.0;
    }

    /**
     * The endpoint's answer.
     *
     * @param databases the statements of each database, by name
     * @param global the process-wide statistics ({@link QueryStats#global()}, filled by
     *               {@code db.mergeLocalStats()})
     */
    public record NextOrmDescriptor(Map<String, StatementsDescriptor> databases, StatementsDescriptor global)
            implements OperationResponseBody {
    }

    /**
     * Statements, slowest first.
     *
     * @param statements the statements
     */
    public record StatementsDescriptor(List<StatementDescriptor> statements) {
    }

    /**
     * One statement and its statistics.
     *
     * @param id the statement id (the {@code statement} tag of its meters)
     * @param sql its SQL text, IN lists collapsed; never its values
     * @param count how often it ran
     * @param sumMs the time of all runs, in milliseconds
     * @param minMs the fastest run
     * @param maxMs the slowest run
     * @param avgMs the mean time of a run
     */
    public record StatementDescriptor(String id, String sql, long count, double sumMs, double minMs, double maxMs,
                                      double avgMs) {
    }
}
