package io.nextorm.query;

import java.util.Objects;

/**
 * Arithmetic of two expressions: {@code views + 1}.
 *
 * @param left the left operand
 * @param operator the operator
 * @param right the right operand
 */
public record Arithmetic(Expression left, Operator operator, Expression right) implements Expression {

    /**
     * Checks the operands.
     */
    public Arithmetic {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(right, "right");
    }

    /** An arithmetic operator. */
    public enum Operator {
        /** Addition. */
        ADD("+"),
        /** Subtraction. */
        SUBTRACT("-"),
        /** Multiplication. */
        MULTIPLY("*"),
        /** Division. */
        DIVIDE("/"),
        /** Remainder. */
        MODULO("%");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /**
         * The SQL symbol.
         *
         * @return for example {@code "+"}
         */
        public String symbol() {
            return symbol;
        }
    }
}
