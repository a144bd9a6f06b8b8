package io.nextorm.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * {@code expression IN (?, ?, ...)} or {@code NOT IN}. An empty list is allowed: IN of nothing is
 * false, NOT IN of nothing is true.
 *
 * @param expression the tested value
 * @param values the values, each bound as a parameter
 * @param negated true for NOT IN
 */
public record InList(Expression expression, List<Object> values, boolean negated) implements Condition {

    /**
     * Checks the parts and copies the values (which may not contain null: use IS NULL).
     */
    public InList {
        Objects.requireNonNull(expression, "expression");
        List<Object> copy = new ArrayList<>(values.size());
        for (Object value : values) {
            if (value == null) {
                throw new IllegalArgumentException(
                        "in()/notIn() of " + expression + " got a null value: SQL IN never matches NULL; use isNull()");
            }
            copy.add(value);
        }
        values = Collections.unmodifiableList(copy);
    }
}
