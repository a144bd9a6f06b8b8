package io.nextorm.internal.sql;

import java.util.Locale;

/** An aggregate of one property that a query set computes. */
public enum AggregateFunction {
    /** The sum; numeric properties only. */
    SUM(true),
    /** The average; numeric properties only. */
    AVG(true),
    /** The smallest value. */
    MIN(false),
    /** The largest value. */
    MAX(false);

    private final boolean numeric;

    AggregateFunction(boolean numeric) {
        this.numeric = numeric;
    }

    /**
     * Whether the function needs a numeric property.
     *
     * @return true for SUM and AVG
     */
    public boolean needsNumbers() {
        return numeric;
    }

    /**
     * The query-set method that computes it, for messages: {@code sum}, {@code avg}, ...
     *
     * @return the method name
     */
    public String method() {
        return name().toLowerCase(Locale.ROOT);
    }

    String apply(String expression) {
        return name() + "(" + expression + ")";
    }
}
