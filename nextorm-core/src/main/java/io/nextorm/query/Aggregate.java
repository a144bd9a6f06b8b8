package io.nextorm.query;

import java.util.Objects;

/**
 * An aggregate over the rows of a group (or of the whole query): {@code COUNT(*)},
 * {@code COUNT(DISTINCT x)}, {@code AVG(gpa)}. Used in projections, {@code having} and orderings.
 *
 * @param function the aggregate function
 * @param argument the aggregated expression, or null for {@code COUNT(*)}
 * @param distinct true to aggregate distinct values only
 */
public record Aggregate(Function function, Expression argument, boolean distinct) implements Expression {

    /**
     * Checks the parts.
     */
    public Aggregate {
        Objects.requireNonNull(function, "function");
        if (argument == null && (function != Function.COUNT || distinct)) {
            throw new IllegalArgumentException(function + (distinct ? " DISTINCT" : "")
                    + " needs an expression to aggregate; only COUNT(*) has none");
        }
    }

    /** An aggregate function. */
    public enum Function {
        /** The number of rows (or of non-NULL values). */
        COUNT,
        /** The sum. */
        SUM,
        /** The average. */
        AVG,
        /** The smallest value. */
        MIN,
        /** The largest value. */
        MAX
    }
}
