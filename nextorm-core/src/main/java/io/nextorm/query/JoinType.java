package io.nextorm.query;

/**
 * The kind of an explicit join of {@code AsyncQuerySet.join(Class, Condition, JoinType, String)}.
 */
public enum JoinType {
    /** Rows with a match on both sides. */
    INNER,
    /** Every row of the query's entity, with or without a match. */
    LEFT,
    /** Every row of the joined entity, with or without a match. */
    RIGHT;

    /**
     * The SQL keywords of the join.
     *
     * @return for example {@code "LEFT JOIN"}
     */
    public String sql() {
        return name() + " JOIN";
    }
}
