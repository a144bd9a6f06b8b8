package io.nextorm;

import io.nextorm.query.Aggregate;
import io.nextorm.query.Expression;
import io.nextorm.query.FunctionCall;
import io.nextorm.query.ScalarFunction;
import io.nextorm.query.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL functions and aggregates of the metamodel DSL, the counterparts of what a {@code where()}
 * lambda may call ({@code Math.abs}, {@code strip}, {@code substring}, {@code +}, {@code getYear} ...):
 *
 * <pre>{@code
 * import static io.nextorm.Functions.*;
 * db.aselect(Student.class).filter(abs(Student_.gpa.minus(3.0)).lt(0.5));
 * db.aselect(Student.class).filter(year(Student_.born).eq(2001));
 * db.select(concat(Student_.name, " (", asString(Student_.gpa), ")"));
 * db.select(Student_.group, countDistinct(Student_.name)).groupBy(Student_.group);
 * }</pre>
 *
 * Arguments that are not {@link Selectable}s are values, bound as parameters.
 */
public final class Functions {

    private Functions() {
    }

    private static Expression argument(Object value, String function) {
        return ValueExpression.operand(value, function);
    }

    private static <V> Class<V> typeOf(Selectable<V> value, String function) {
        if (value == null) {
            throw new IllegalArgumentException(function + "() needs an attribute or expression, got null");
        }
        return value.valueType();
    }

    /**
     * {@code ABS(x)}, Java's {@code Math.abs}.
     *
     * @param value the number
     * @param <V> its type
     * @return the absolute value
     */
    public static <V> ValueExpression<V> abs(Selectable<V> value) {
        return new ValueExpression<>(ScalarFunction.of(ScalarFunction.Kind.ABS, argument(value, "abs")), typeOf(value, "abs"));
    }

    /**
     * {@code GREATEST(a, b)}, Java's {@code Math.max} of two values.
     *
     * @param value the first value
     * @param other the second: a value or an expression
     * @param <V> the type
     * @return the larger
     */
    public static <V> ValueExpression<V> greatest(Selectable<V> value, Object other) {
        return new ValueExpression<>(ScalarFunction.of(ScalarFunction.Kind.GREATEST, argument(value, "greatest"),
                argument(other, "greatest")), typeOf(value, "greatest"));
    }

    /**
     * {@code LEAST(a, b)}, Java's {@code Math.min} of two values.
     *
     * @param value the first value
     * @param other the second: a value or an expression
     * @param <V> the type
     * @return the smaller
     */
    public static <V> ValueExpression<V> least(Selectable<V> value, Object other) {
        return new ValueExpression<>(ScalarFunction.of(ScalarFunction.Kind.LEAST, argument(value, "least"),
                argument(other, "least")), typeOf(value, "least"));
    }

    /**
     * {@code TRIM(s)}, Java's {@code strip()}/{@code trim()}.
     *
     * @param text the string
     * @return the trimmed string
     */
    public static ValueExpression<String> trim(Selectable<String> text) {
        return new ValueExpression<>(ScalarFunction.of(ScalarFunction.Kind.TRIM, argument(text, "trim")), String.class);
    }

    /**
     * Java's {@code text.substring(begin, end)}: 0-based, {@code end} excluded.
     *
     * @param text the string
     * @param begin the first index (0-based)
     * @param end the index after the last
     * @return the substring
     */
    public static ValueExpression<String> substring(Selectable<String> text, int begin, int end) {
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("substring(" + begin + ", " + end + ") needs 0 <= begin <= end");
        }
        return new ValueExpression<>(ScalarFunction.of(ScalarFunction.Kind.SUBSTRING, argument(text, "substring"),
                new Value(begin + 1), new Value(end - begin)), String.class);
    }

    /**
     * {@code CONCAT(a, b, ...)}, Java's string {@code +} and {@code concat}.
     *
     * @param parts expressions and values
     * @return the concatenation
     */
    public static ValueExpression<String> concat(Object... parts) {
        if (parts == null || parts.length == 0) {
            throw new IllegalArgumentException("concat() needs at least one part");
        }
        List<Expression> arguments = new ArrayList<>(parts.length);
        for (Object part : parts) {
            arguments.add(argument(part, "concat"));
        }
        return new ValueExpression<>(new ScalarFunction(ScalarFunction.Kind.CONCAT, arguments), String.class);
    }

    /**
     * Java's {@code text.indexOf(needle)}: the 0-based position, -1 when absent.
     *
     * @param text the string searched
     * @param needle what to find: a value or an expression
     * @return the position
     */
    public static ValueExpression<Integer> indexOf(Selectable<String> text, Object needle) {
        return new ValueExpression<>(ScalarFunction.of(ScalarFunction.Kind.INDEX_OF, argument(text, "indexOf"),
                argument(needle, "indexOf")), Integer.class);
    }

    /**
     * {@code CHAR_LENGTH(s)}, Java's {@code length()}.
     *
     * @param text the string
     * @return its length
     */
    public static ValueExpression<Integer> length(Selectable<String> text) {
        return new ValueExpression<>(new FunctionCall(FunctionCall.Function.LENGTH, argument(text, "length")),
                Integer.class);
    }

    /**
     * Java's {@code String.valueOf(x)} of a column.
     *
     * @param value the value
     * @return its text
     */
    public static ValueExpression<String> asString(Selectable<?> value) {
        return new ValueExpression<>(ScalarFunction.of(ScalarFunction.Kind.TO_STRING, argument(value, "asString")),
                String.class);
    }

    /**
     * The year of a date, {@code LocalDate.getYear()}.
     *
     * @param date the date
     * @return the year
     */
    public static ValueExpression<Integer> year(Selectable<?> date) {
        return new ValueExpression<>(ScalarFunction.of(ScalarFunction.Kind.YEAR, argument(date, "year")), Integer.class);
    }

    /**
     * The month (1-12) of a date, {@code LocalDate.getMonthValue()}.
     *
     * @param date the date
     * @return the month
     */
    public static ValueExpression<Integer> month(Selectable<?> date) {
        return new ValueExpression<>(ScalarFunction.of(ScalarFunction.Kind.MONTH, argument(date, "month")), Integer.class);
    }

    /**
     * The day of the month of a date, {@code LocalDate.getDayOfMonth()}.
     *
     * @param date the date
     * @return the day
     */
    public static ValueExpression<Integer> day(Selectable<?> date) {
        return new ValueExpression<>(ScalarFunction.of(ScalarFunction.Kind.DAY, argument(date, "day")), Integer.class);
    }

    /**
     * {@code COUNT(*)}: the rows of a group.
     *
     * @return the count
     */
    public static ValueExpression<Long> count() {
        return new ValueExpression<>(new Aggregate(Aggregate.Function.COUNT, null, false), Long.class);
    }

    /**
     * {@code COUNT(x)}: the non-NULL values.
     *
     * @param value the counted value
     * @return the count
     */
    public static ValueExpression<Long> count(Selectable<?> value) {
        return aggregate(Aggregate.Function.COUNT, value, false, Long.class);
    }

    /**
     * {@code COUNT(DISTINCT x)}: the different non-NULL values.
     *
     * @param value the counted value
     * @return the count
     */
    public static ValueExpression<Long> countDistinct(Selectable<?> value) {
        return aggregate(Aggregate.Function.COUNT, value, true, Long.class);
    }

    /**
     * {@code SUM(x)}.
     *
     * @param value the summed number
     * @param <V> its type
     * @return the sum
     */
    public static <V> ValueExpression<V> sum(Selectable<V> value) {
        return aggregate(Aggregate.Function.SUM, value, false, typeOf(value, "sum"));
    }

    /**
     * {@code AVG(x)}, read as a double.
     *
     * @param value the averaged number
     * @return the average
     */
    public static ValueExpression<Double> avg(Selectable<?> value) {
        return aggregate(Aggregate.Function.AVG, value, false, Double.class);
    }

    /**
     * {@code MIN(x)}.
     *
     * @param value the value
     * @param <V> its type
     * @return the minimum
     */
    public static <V> ValueExpression<V> min(Selectable<V> value) {
        return aggregate(Aggregate.Function.MIN, value, false, typeOf(value, "min"));
    }

    /**
     * {@code MAX(x)}.
     *
     * @param value the value
     * @param <V> its type
     * @return the maximum
     */
    public static <V> ValueExpression<V> max(Selectable<V> value) {
        return aggregate(Aggregate.Function.MAX, value, false, typeOf(value, "max"));
    }

    private static <V> ValueExpression<V> aggregate(Aggregate.Function function, Selectable<?> value, boolean distinct,
                                                    Class<V> type) {
        String name = function.name().toLowerCase();
        return new ValueExpression<>(new Aggregate(function, argument(value, name), distinct), type);
    }
}
