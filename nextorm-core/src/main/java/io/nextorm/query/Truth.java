package io.nextorm.query;

/**
 * A constant condition: what an empty AND (true) or OR (false) reduces to.
 */
public enum Truth implements Condition {
    /** Always holds. */
    TRUE,
    /** Never holds. */
    FALSE
}
