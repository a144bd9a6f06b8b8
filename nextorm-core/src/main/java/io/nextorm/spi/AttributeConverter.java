package io.nextorm.spi;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Converts a field's Java value to the value its column holds and back, for a field annotated
 * {@link io.nextorm.annotation.Convert}. Neither method sees null: a null field is a NULL column.
 *
 * <pre>{@code
 * public class MoneyConverter implements AttributeConverter<Money, Long> {
 *     public Long toDatabase(Money value) { return value.cents(); }
 *     public Money toEntity(Long value) { return new Money(value); }
 * }
 * }</pre>
 *
 * @param <J> the field's type
 * @param <D> the column's type: one of the supported column types (String, Long, Integer, Boolean, ...)
 */
public interface AttributeConverter<J, D> {

    /**
     * Converts a field value for the column.
     *
     * @param value the field's value, never null
     * @return the column value
     */
    D toDatabase(J value);

    /**
     * Converts a column value for the field.
     *
     * @param value the column's value, never null
     * @return the field value
     */
    J toEntity(D value);

    /**
     * The column's Java type {@code D}; by default read from the converter class's type arguments.
     * Override it when the class does not name {@code D} (a generic converter).
     *
     * @return the database type
     * @throws IllegalStateException when the class does not name it
     */
    @SuppressWarnings("unchecked")
    default Class<D> databaseType() {
        for (Class<?> c = getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type type : c.getGenericInterfaces()) {
                if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == AttributeConverter.class) {
                    Type argument = parameterized.getActualTypeArguments()[1];
                    if (argument instanceof Class<?> database) {
                        return (Class<D>) database;
                    }
                }
            }
        }
        throw new IllegalStateException(getClass().getName() + " does not name its database type: implement "
                + "AttributeConverter<J, D> with a class for D, or override databaseType()");
    }
}
