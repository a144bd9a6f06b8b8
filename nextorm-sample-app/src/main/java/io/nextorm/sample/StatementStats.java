package io.nextorm.sample;

import io.nextorm.QueryStat;

/**
 * The statistics of one statement, in milliseconds, as {@code GET /stats} shows them.
 *
 * @param sql the statement's SQL text (never its values)
 * @param count how often it ran
 * @param totalMillis the time of all runs
 * @param averageMillis the mean time
 * @param minMillis the fastest run
 * @param maxMillis the slowest run
 */
public record StatementStats(String sql, long count, double totalMillis, double averageMillis, double minMillis,
                             double maxMillis) {

    /**
     * The view of a statement's statistics.
     *
     * @param sql the statement
     * @param stat its statistics
     * @return the view
     */
    public static StatementStats of(String sql, QueryStat stat) {
        return new StatementStats(sql, stat.count(), millis(stat.sumTime()), millis(stat.avgTime()),
                millis(stat.minTime()), millis(stat.maxTime()));
    }

    private static double millis(java.time.Duration time) {
        return time.toNanos() / 1_000_000.0;
    }
}
