package io.nextorm.query;

import java.util.Objects;

/**
 * One key of an ORDER BY: {@code Article_.title.asc()}.
 *
 * @param expression what to order by
 * @param descending true for DESC
 */
public record OrderItem(Expression expression, boolean descending) {

    /**
     * Checks the parts.
     */
    public OrderItem {
        Objects.requireNonNull(expression, "expression");
    }
}
