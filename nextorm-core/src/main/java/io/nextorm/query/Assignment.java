package io.nextorm.query;

import java.util.Objects;

/**
 * One {@code SET column = value} of a bulk update: {@code Article_.views.set(0)}.
 *
 * @param target the property to set; a property of the query's own entity
 * @param value the new value
 */
public record Assignment(PropertyPath target, Expression value) {

    /**
     * Checks the parts.
     */
    public Assignment {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(value, "value");
        if (target.names().size() != 1) {
            throw new IllegalArgumentException("A bulk update can only set a property of the entity itself, not " + target);
        }
    }
}
