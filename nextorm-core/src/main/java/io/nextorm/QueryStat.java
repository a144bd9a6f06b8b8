package io.nextorm;

import java.time.Duration;

/**
 * Execution statistics of one SQL statement: how often it ran and how long it took.
 *
 * @param count the number of executions
 * @param sumTime the total time of all executions
 * @param minTime the fastest execution
 * @param maxTime the slowest execution
 */
public record QueryStat(long count, Duration sumTime, Duration minTime, Duration maxTime) {

    /**
     * The statistics of a single execution.
     *
     * @param time how long it took
     * @return a stat with count 1
     */
    public static QueryStat of(Duration time) {
        return new QueryStat(1, time, time, time);
    }

    /**
     * The mean time of an execution.
     *
     * @return {@code sumTime / count}, zero when nothing ran
     */
    public Duration avgTime() {
        return count == 0 ? Duration.ZERO : sumTime.dividedBy(count);
    }

    /**
     * Combines two statistics of the same statement.
     *
     * @param other the other statistics
     * @return the sum of both
     */
    public QueryStat merge(QueryStat other) {
        return new QueryStat(count + other.count, sumTime.plus(other.sumTime),
                minTime.compareTo(other.minTime) <= 0 ? minTime : other.minTime,
                maxTime.compareTo(other.maxTime) >= 0 ? maxTime : other.maxTime);
    }
}
