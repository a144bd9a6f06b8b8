package io.nextorm.query;

import java.util.Objects;

/**
 * {@code NOT condition}.
 *
 * @param condition the negated condition
 */
public record Negation(Condition condition) implements Condition {

    /**
     * Checks the part.
     */
    public Negation {
        Objects.requireNonNull(condition, "condition");
    }
}
