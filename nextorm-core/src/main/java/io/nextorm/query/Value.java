package io.nextorm.query;

/**
 * A value bound as a statement parameter: never written into the SQL text.
 *
 * @param value the value; an entity stands for its primary key
 */
public record Value(Object value) implements Expression {
}
