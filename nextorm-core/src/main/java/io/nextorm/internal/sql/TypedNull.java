package io.nextorm.internal.sql;

import io.nextorm.internal.mapping.PropertyKind;
import io.nextorm.internal.mapping.PropertyModel;

/**
 * A NULL parameter, with the Java type of the column it is bound for (drivers need a type to bind NULL).
 *
 * @param type the Java type of the column
 */
public record TypedNull(Class<?> type) {

    /**
     * The NULL of a property's column: of the referenced key's type for a reference.
     *
     * @param column the property
     * @return the typed NULL
     */
    public static TypedNull of(PropertyModel column) {
        return new TypedNull(column.kind() == PropertyKind.REFERENCE ? column.target().id().valueType()
                : column.bindType());
    }

    /**
     * A value ready to bind for a column: the value itself, or the column's typed NULL.
     *
     * @param column the property
     * @param value the value, or null
     * @return what to bind
     */
    public static Object orNull(PropertyModel column, Object value) {
        return value == null ? of(column) : value;
    }
}
