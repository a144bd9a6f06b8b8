package io.nextorm.internal.mapping;

/**
 * How one property's values become column values and back, where they are not the same: a
 * {@code @Convert} converter, a {@code @Json} document, a boolean written into an integer or text
 * column. Called by every write (bind), condition and read of the property; never with null.
 */
public interface ValueConverter {

    /**
     * The Java type of the column: the DDL, the schema check and the read use it.
     *
     * @return the column's type, one of the supported column types (or {@code JsonDocument})
     */
    Class<?> columnType();

    /**
     * The Java type of the bound values (and of a bound NULL).
     *
     * @return the bound type; by default {@link #columnType()}
     */
    default Class<?> bindType() {
        return columnType();
    }

    /**
     * Converts a property value for binding.
     *
     * @param value the property's value, not null
     * @return the column value
     */
    Object toColumn(Object value);

    /**
     * Converts a value read (already in {@link #columnType()}) for the property.
     *
     * @param value the read value, not null
     * @return the property value
     */
    Object toProperty(Object value);
}
