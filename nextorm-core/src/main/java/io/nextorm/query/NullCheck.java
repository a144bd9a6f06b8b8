package io.nextorm.query;

import java.util.Objects;

/**
 * {@code expression IS NULL} or {@code IS NOT NULL}.
 *
 * @param expression the tested value
 * @param negated true for IS NOT NULL
 */
public record NullCheck(Expression expression, boolean negated) implements Condition {

    /**
     * Checks the parts.
     */
    public NullCheck {
        Objects.requireNonNull(expression, "expression");
    }
}
