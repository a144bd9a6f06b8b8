package io.nextorm.query;

import java.util.Objects;

/**
 * {@code expression BETWEEN low AND high}, both ends included.
 *
 * @param expression the tested value
 * @param low the lower bound
 * @param high the upper bound
 */
public record Between(Expression expression, Expression low, Expression high) implements Condition {

    /**
     * Checks the parts.
     */
    public Between {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
    }
}
