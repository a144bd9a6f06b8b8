package io.nextorm.internal.sql;

/**
 * A NULL parameter, with the Java type of the column it is bound for (drivers need a type to bind NULL).
 *
 * @param type the Java type of the column
 */
public record TypedNull(Class<?> type) {
}
