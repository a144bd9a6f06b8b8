package io.nextorm;

import io.nextorm.query.Arithmetic;
import io.nextorm.query.Between;
import io.nextorm.query.Comparison;
import io.nextorm.query.Condition;
import io.nextorm.query.Expression;
import io.nextorm.query.InList;
import io.nextorm.query.InSubquery;
import io.nextorm.query.NullCheck;
import io.nextorm.query.OrderItem;
import io.nextorm.query.Value;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A computed value of a query: an aggregate ({@code Student_.gpa.avg()}), an aggregate of a relation
 * ({@code Group_.students.count()}), arithmetic ({@code Student_.gpa.times(2)}) or a function
 * ({@code Functions.abs(...)}). It compares, computes further, orders and is selected like an
 * attribute:
 *
 * <pre>{@code
 * db.aselect(Group.class).filter(Group_.students.count().gt(2));
 * db.select(Student_.group, Student_.gpa.avg()).groupBy(Student_.group).having(Student_.gpa.avg().gt(3.0));
 * db.aselect(Student.class).orderBy(Student_.gpa.times(2).desc());
 * }</pre>
 *
 * Operands may be values (bound as parameters, never written into the SQL), other
 * {@link Selectable}s, or {@link ScalarQuery scalar subqueries}.
 *
 * @param <V> the Java type of the value
 */
public class ValueExpression<V> implements Selectable<V> {

    private final Expression expression;
    private final Class<V> valueType;

    /**
     * Wraps an expression of the query tree.
     *
     * @param expression the expression
     * @param valueType the Java type its value is read as
     */
    public ValueExpression(Expression expression, Class<V> valueType) {
        this.expression = Objects.requireNonNull(expression, "expression");
        this.valueType = Objects.requireNonNull(valueType, "valueType");
    }

    @Override
    public Expression expression() {
        return expression;
    }

    @Override
    public Class<V> valueType() {
        return valueType;
    }

    /**
     * The tree form of an operand: a {@link Selectable}'s expression, a scalar query's subquery, or a
     * bound value.
     *
     * @param operand the operand
     * @param method the method it was given to, for the message
     * @return the expression
     * @throws IllegalArgumentException for null
     */
    static Expression operand(Object operand, String method) {
        if (operand == null) {
            throw new IllegalArgumentException(method + "() got null: no value compares or computes with NULL; "
                    + "use isNull() or isNotNull()");
        }
        if (operand instanceof Selectable<?> selectable) {
            return selectable.expression();
        }
        if (operand instanceof ScalarQuery<?> scalar) {
            return scalar.subquery();
        }
        if (operand instanceof Expression tree) {
            return tree;
        }
        return new Value(operand);
    }

    private Condition compare(Comparison.Operator operator, Object other) {
        return new Comparison(expression, operator, operand(other, operator.name().toLowerCase()));
    }

    /**
     * Equal to a value, another expression or a scalar subquery; {@code eq(null)} is IS NULL.
     *
     * @param other the other side
     * @return the condition
     */
    public Condition eq(Object other) {
        return other == null ? isNull() : compare(Comparison.Operator.EQ, other);
    }

    /**
     * Not equal; {@code ne(null)} is IS NOT NULL.
     *
     * @param other the other side
     * @return the condition
     */
    public Condition ne(Object other) {
        return other == null ? isNotNull() : compare(Comparison.Operator.NE, other);
    }

    /**
     * Greater than.
     *
     * @param other a value, an expression or a scalar subquery, not null
     * @return the condition
     */
    public Condition gt(Object other) {
        return compare(Comparison.Operator.GT, other);
    }

    /**
     * Greater than or equal.
     *
     * @param other a value, an expression or a scalar subquery, not null
     * @return the condition
     */
    public Condition ge(Object other) {
        return compare(Comparison.Operator.GE, other);
    }

    /**
     * Less than.
     *
     * @param other a value, an expression or a scalar subquery, not null
     * @return the condition
     */
    public Condition lt(Object other) {
        return compare(Comparison.Operator.LT, other);
    }

    /**
     * Less than or equal.
     *
     * @param other a value, an expression or a scalar subquery, not null
     * @return the condition
     */
    public Condition le(Object other) {
        return compare(Comparison.Operator.LE, other);
    }

    /**
     * Between two bounds, both included.
     *
     * @param low the lower bound, not null
     * @param high the upper bound, not null
     * @return the condition
     */
    public Condition between(Object low, Object high) {
        return new Between(expression, operand(low, "between"), operand(high, "between"));
    }

    /**
     * One of the values.
     *
     * @param values the values, not null and without nulls
     * @return the condition
     */
    public Condition in(Collection<?> values) {
        if (values == null) {
            throw new IllegalArgumentException("in() of " + expression + " needs a collection, not null");
        }
        return new InList(expression, List.copyOf(values), false);
    }

    /**
     * One of the keys a query set selects: {@code IN (SELECT id FROM ...)}.
     *
     * @param query the query set
     * @return the condition
     */
    public Condition in(AsyncQuerySet<?> query) {
        return new InSubquery(expression, Subqueries.of(query, null, "in()"), false);
    }

    /**
     * IS NULL.
     *
     * @return the condition
     */
    public Condition isNull() {
        return new NullCheck(expression, false);
    }

    /**
     * IS NOT NULL.
     *
     * @return the condition
     */
    public Condition isNotNull() {
        return new NullCheck(expression, true);
    }

    /**
     * This plus another value or expression.
     *
     * @param other the addend
     * @return the sum
     */
    public ValueExpression<V> plus(Object other) {
        return arithmetic(Arithmetic.Operator.ADD, other, "plus");
    }

    /**
     * This minus another value or expression.
     *
     * @param other the subtrahend
     * @return the difference
     */
    public ValueExpression<V> minus(Object other) {
        return arithmetic(Arithmetic.Operator.SUBTRACT, other, "minus");
    }

    /**
     * This times another value or expression.
     *
     * @param other the factor
     * @return the product
     */
    public ValueExpression<V> times(Object other) {
        return arithmetic(Arithmetic.Operator.MULTIPLY, other, "times");
    }

    /**
     * This divided by another value or expression (integer division for integers, as in SQL).
     *
     * @param other the divisor
     * @return the quotient
     */
    public ValueExpression<V> dividedBy(Object other) {
        return arithmetic(Arithmetic.Operator.DIVIDE, other, "dividedBy");
    }

    private ValueExpression<V> arithmetic(Arithmetic.Operator operator, Object other, String method) {
        return new ValueExpression<>(new Arithmetic(expression, operator, operand(other, method)), valueType);
    }

    /**
     * Ascending order by this value.
     *
     * @return the ordering key
     */
    public OrderItem asc() {
        return new OrderItem(expression, false);
    }

    /**
     * Descending order by this value.
     *
     * @return the ordering key
     */
    public OrderItem desc() {
        return new OrderItem(expression, true);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ValueExpression<?> that && expression.equals(that.expression)
                && valueType == that.valueType;
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    @Override
    public String toString() {
        return expression.toString();
    }
}
