package io.nextorm;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process-wide query statistics, filled by {@link AsyncDatabase#mergeLocalStats()}.
 *
 * <pre>{@code
 * db.mergeLocalStats();                        // e.g. at the end of each request
 * QueryStats.global().forEach((sql, stat) -> log.info("{}: {}", sql, stat.avgTime()));
 * }</pre>
 */
public final class QueryStats {

    private static final Map<String, QueryStat> GLOBAL = new ConcurrentHashMap<>();

    private QueryStats() {
    }

    /**
     * A snapshot of the global statistics, keyed by SQL.
     *
     * @return an unmodifiable copy
     */
    public static Map<String, QueryStat> global() {
        return Map.copyOf(GLOBAL);
    }

    /**
     * Forgets all global statistics.
     */
    public static void clearGlobal() {
        GLOBAL.clear();
    }

    /**
     * Adds statistics into the global map.
     *
     * @param stats statistics keyed by SQL
     */
    public static void merge(Map<String, QueryStat> stats) {
        stats.forEach((sql, stat) -> GLOBAL.merge(sql, stat, QueryStat::merge));
    }
}
