package io.nextorm.query;

import java.util.Objects;

/**
 * A comparison of two expressions: {@code title = ?}, {@code views > ?}.
 *
 * @param left the left side
 * @param operator the comparison
 * @param right the right side
 */
public record Comparison(Expression left, Operator operator, Expression right) implements Condition {

    /**
     * Checks the parts.
     */
    public Comparison {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(right, "right");
    }

    /** A comparison operator. */
    public enum Operator {
        /** Equal. */
        EQ("="),
        /** Not equal. */
        NE("<>"),
        /** Greater than. */
        GT(">"),
        /** Greater than or equal. */
        GE(">="),
        /** Less than. */
        LT("<"),
        /** Less than or equal. */
        LE("<=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /**
         * The SQL symbol.
         *
         * @return for example {@code "<>"}
         */
        public String symbol() {
            return symbol;
        }

        /**
         * The operator that holds exactly when this one does not.
         *
         * @return for example {@code GE} for {@code LT}
         */
        public Operator negate() {
            return switch (this) {
                case EQ -> NE;
                case NE -> EQ;
                case GT -> LE;
                case GE -> LT;
                case LT -> GE;
                case LE -> GT;
            };
        }

        /**
         * The operator with its operands swapped: {@code a < b} is {@code b > a}.
         *
         * @return the mirrored operator
         */
        public Operator mirror() {
            return switch (this) {
                case EQ, NE -> this;
                case GT -> LT;
                case GE -> LE;
                case LT -> GT;
                case LE -> GE;
            };
        }
    }
}
