package io.nextorm.query;

import java.util.Objects;

/**
 * A one-argument SQL function of an expression: {@code LOWER(title)}.
 *
 * @param function the function
 * @param argument its argument
 */
public record FunctionCall(Function function, Expression argument) implements Expression {

    /**
     * Checks the parts.
     */
    public FunctionCall {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(argument, "argument");
    }

    /** The functions a query can use; each dialect renders them. */
    public enum Function {
        /** Lower case of a string. */
        LOWER,
        /** Upper case of a string. */
        UPPER,
        /** Length of a string in characters. */
        LENGTH
    }
}
