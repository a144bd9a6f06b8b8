package io.nextorm.internal.mapping;

import java.util.List;

/**
 * The key of an object whose entity has several {@code @PrimaryKey} fields: the values of its key
 * columns in key order (a reference component as the referenced object's key). Equal keys are equal
 * lists, so it serves the identity map as a single key does.
 *
 * @param values the column values, in key order
 */
public record CompositeKey(List<Object> values) {

    /**
     * A key of column values.
     *
     * @param values the values, none null
     */
    public CompositeKey {
        values = List.copyOf(values);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
