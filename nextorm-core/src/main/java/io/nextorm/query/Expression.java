package io.nextorm.query;

/**
 * A value in a query: a property of an entity, a bound parameter, arithmetic or a function of
 * other expressions. Expressions are immutable and compare by value.
 */
public sealed interface Expression permits PropertyPath, Value, Arithmetic, FunctionCall, ScalarFunction,
        Aggregate, Subquery {
}
