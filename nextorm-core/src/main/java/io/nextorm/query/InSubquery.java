package io.nextorm.query;

import java.util.Objects;

/**
 * {@code expression IN (SELECT ...)} or {@code NOT IN}: {@code Student_.group.in(groups)}.
 *
 * @param expression the tested value
 * @param subquery the subquery, selecting one column
 * @param negated true for NOT IN
 */
public record InSubquery(Expression expression, Subquery subquery, boolean negated) implements Condition {

    /**
     * Checks the parts.
     */
    public InSubquery {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(subquery, "subquery");
    }
}
