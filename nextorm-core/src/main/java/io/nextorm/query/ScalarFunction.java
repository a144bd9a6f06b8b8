package io.nextorm.query;

import java.util.List;
import java.util.Objects;

/**
 * An SQL function of one or more expressions, beyond {@link FunctionCall}'s string functions:
 * {@code ABS(x)}, {@code GREATEST(a, b)}, {@code SUBSTRING(s, from, count)}, {@code CONCAT(a, b)},
 * {@code EXTRACT(YEAR FROM d)}, ... Each dialect renders them in its own form.
 *
 * @param kind the function
 * @param arguments its arguments, as many as {@link Kind#arity()} says
 */
public record ScalarFunction(Kind kind, List<Expression> arguments) implements Expression {

    /**
     * Checks and copies the arguments.
     */
    public ScalarFunction {
        Objects.requireNonNull(kind, "kind");
        arguments = List.copyOf(arguments);
        if (kind.arity() >= 0 && arguments.size() != kind.arity()) {
            throw new IllegalArgumentException(kind + " takes " + kind.arity() + " argument(s), got " + arguments.size());
        }
        if (arguments.size() < 1) {
            throw new IllegalArgumentException(kind + " needs at least one argument");
        }
    }

    /**
     * A function of the given arguments.
     *
     * @param kind the function
     * @param arguments the arguments
     * @return the expression
     */
    public static ScalarFunction of(Kind kind, Expression... arguments) {
        return new ScalarFunction(kind, List.of(arguments));
    }

    /** The functions; the comments give the SQL most dialects write. */
    public enum Kind {
        /** {@code ABS(x)}: Java's {@code Math.abs}. */
        ABS(1),
        /** {@code TRIM(s)}: Java's {@code strip()}/{@code trim()} (spaces). */
        TRIM(1),
        /** {@code EXTRACT(YEAR FROM d)}: {@code LocalDate.getYear()}. */
        YEAR(1),
        /** {@code EXTRACT(MONTH FROM d)}: {@code LocalDate.getMonthValue()}. */
        MONTH(1),
        /** {@code EXTRACT(DAY FROM d)}: {@code LocalDate.getDayOfMonth()}. */
        DAY(1),
        /** {@code CAST(x AS VARCHAR)}: {@code String.valueOf(x)}. */
        TO_STRING(1),
        /** {@code GREATEST(a, b)}: {@code Math.max}. */
        GREATEST(2),
        /** {@code LEAST(a, b)}: {@code Math.min}. */
        LEAST(2),
        /** {@code SUBSTRING(s, from, count)}, 1-based {@code from}. */
        SUBSTRING(3),
        /** {@code CONCAT(a, b, ...)}: string {@code +} and {@code concat}. */
        CONCAT(-1),
        /** The 0-based position of {@code needle} in {@code text}, -1 when absent: {@code text.indexOf(needle)}. */
        INDEX_OF(2);

        private final int arity;

        Kind(int arity) {
            this.arity = arity;
        }

        /**
         * How many arguments the function takes.
         *
         * @return the count, or -1 for any number (at least one)
         */
        public int arity() {
            return arity;
        }
    }
}
