package io.nextorm.internal.execution;

import io.nextorm.QueryStat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The statistics one database keeps per statement key: count, total, minimum and maximum time.
 * Safe for concurrent recording.
 */
public final class QueryStatistics {

    private static final int SQL_LIMIT = 10_000;

    private final Map<String, Cell> cells = new ConcurrentHashMap<>();
    /** The cell of each SQL text seen, so that a warm statement costs one map read. */
    private final Map<String, Cell> bySql = new ConcurrentHashMap<>();

    /**
     * Records one execution.
     *
     * @param key the statement key
     * @param nanos how long it took
     */
    public void record(String key, long nanos) {
        cells.computeIfAbsent(key, k -> new Cell()).add(nanos);
    }

    /**
     * Records one execution of a SQL text: one map read once the text has been seen, the key
     * computed only the first time.
     *
     * @param sql the SQL as sent
     * @param keyOf the statement key of a SQL text
     * @param nanos how long it took
     */
    public void recordSql(String sql, UnaryOperator<String> keyOf, long nanos) {
        Cell cell = bySql.get(sql);
        if (cell == null) {
            cell = cells.computeIfAbsent(keyOf.apply(sql), k -> new Cell());
            if (bySql.size() < SQL_LIMIT) {
                bySql.put(sql, cell);
            }
        }
        cell.add(nanos);
    }

    /**
     * A snapshot of all statistics.
     *
     * @return an unmodifiable copy, keyed by statement
     */
    public Map<String, QueryStat> snapshot() {
        Map<String, QueryStat> copy = new LinkedHashMap<>();
        cells.forEach((key, cell) -> copy.put(key, cell.toStat()));
        return java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * A snapshot of all statistics, clearing them in the same step (no execution is lost between).
     *
     * @return the statistics before clearing
     */
    public Map<String, QueryStat> drain() {
        Map<String, QueryStat> drained = new LinkedHashMap<>();
        bySql.clear();
        for (String key : cells.keySet()) {
            Cell cell = cells.remove(key);
            if (cell != null) {
                drained.put(key, cell.toStat());
            }
        }
        return drained;
    }

    /**
     * Forgets all statistics.
     */
    public void clear() {
        bySql.clear();
        cells.clear();
    }

    private static final class Cell {
        private long count;
        private long sum;
        private long min = Long.MAX_VALUE;
        private long max;

        synchronized void add(long nanos) {
            count++;
            sum += nanos;
            min = Math.min(min, nanos);
            max = Math.max(max, nanos);
        }

        synchronized QueryStat toStat() {
            return new QueryStat(count, Duration.ofNanos(sum), Duration.ofNanos(count == 0 ? 0 : min), Duration.ofNanos(max));
        }
    }
}
