package io.nextorm;

import io.nextorm.query.Expression;

/**
 * Something a query can compute a value of: a metamodel attribute ({@code Student_.gpa}) or an
 * expression built from attributes ({@code Student_.gpa.times(2)}, {@code Student_.gpa.avg()},
 * {@code Group_.students.count()}). What {@link AsyncDatabase#select(Selectable[])} selects,
 * {@code groupBy} groups by and {@code orderBy} orders by.
 *
 * @param <V> the Java type of the value
 */
public interface Selectable<V> {

    /**
     * The expression of the query tree.
     *
     * @return the expression
     */
    Expression expression();

    /**
     * The Java type the value is read as.
     *
     * @return the value type
     */
    Class<V> valueType();
}
