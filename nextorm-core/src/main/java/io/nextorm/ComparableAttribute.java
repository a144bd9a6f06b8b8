package io.nextorm;

import io.nextorm.query.Between;
import io.nextorm.query.Comparison;
import io.nextorm.query.Condition;
import io.nextorm.query.PropertyPath;
import io.nextorm.query.Value;

/**
 * A property whose values have an order: numbers, strings, dates and times, UUIDs.
 *
 * <pre>{@code
 * Article_.published.between(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))
 * }</pre>
 *
 * @param <E> the entity the property is reached from
 * @param <V> the property's value type
 */
public class ComparableAttribute<E, V extends Comparable<? super V>> extends SingularAttribute<E, V> {

    /**
     * Creates the attribute of a property of an entity.
     *
     * @param entity the entity
     * @param name the property (field) name
     * @param valueType the value type (boxed for primitives)
     */
    public ComparableAttribute(Class<E> entity, String name, Class<V> valueType) {
        super(entity, name, valueType);
    }

    /**
     * Creates an attribute at a path.
     *
     * @param valueType the value type
     * @param path the path
     */
    protected ComparableAttribute(Class<V> valueType, PropertyPath path) {
        super(valueType, path);
    }

    /**
     * Greater than a value.
     *
     * @param value the value, not null
     * @return the condition
     */
    public Condition gt(V value) {
        return compare(Comparison.Operator.GT, value);
    }

    /**
     * Greater than or equal to a value.
     *
     * @param value the value, not null
     * @return the condition
     */
    public Condition ge(V value) {
        return compare(Comparison.Operator.GE, value);
    }

    /**
     * Less than a value.
     *
     * @param value the value, not null
     * @return the condition
     */
    public Condition lt(V value) {
        return compare(Comparison.Operator.LT, value);
    }

    /**
     * Less than or equal to a value.
     *
     * @param value the value, not null
     * @return the condition
     */
    public Condition le(V value) {
        return compare(Comparison.Operator.LE, value);
    }

    /**
     * Between two values, both included.
     *
     * @param low the lower bound, not null
     * @param high the upper bound, not null
     * @return the condition
     */
    public Condition between(V low, V high) {
        if (low == null || high == null) {
            throw new IllegalArgumentException("between() of " + this + " needs two bounds, got " + low + " and " + high);
        }
        return new Between(path(), new Value(low), new Value(high));
    }

    /**
     * Greater than another expression or a scalar subquery:
     * {@code Student_.gpa.gt(db.aselect(Student.class).avg(Student_.gpa))}.
     *
     * @param other an expression ({@code Student_.gpa.avg()}) or a {@link ScalarQuery}
     * @return the condition
     */
    public Condition gt(Selectable<?> other) {
        return new ValueExpression<>(path(), valueType()).gt(other);
    }

    /**
     * Greater than a scalar subquery: {@code Student_.gpa.gt(db.aselect(Student.class).avg(Student_.gpa))}.
     *
     * @param other the aggregate of a query set
     * @return the condition
     */
    public Condition gt(ScalarQuery<?> other) {
        return new ValueExpression<>(path(), valueType()).gt(other);
    }

    /**
     * Greater than or equal to a scalar subquery.
     *
     * @param other the aggregate of a query set
     * @return the condition
     */
    public Condition ge(ScalarQuery<?> other) {
        return new ValueExpression<>(path(), valueType()).ge(other);
    }

    /**
     * Less than a scalar subquery.
     *
     * @param other the aggregate of a query set
     * @return the condition
     */
    public Condition lt(ScalarQuery<?> other) {
        return new ValueExpression<>(path(), valueType()).lt(other);
    }

    /**
     * Less than or equal to a scalar subquery.
     *
     * @param other the aggregate of a query set
     * @return the condition
     */
    public Condition le(ScalarQuery<?> other) {
        return new ValueExpression<>(path(), valueType()).le(other);
    }

    private Condition compare(Comparison.Operator operator, V value) {
        if (value == null) {
            throw new IllegalArgumentException(operator.name().toLowerCase() + "() of " + this
                    + " got null: no value compares with NULL; use isNull() or isNotNull()");
        }
        return new Comparison(path(), operator, new Value(value));
    }

    /**
     * This property on the entity joined under an alias, for queries that join an entity more than
     * once or join the queried entity to itself:
     * {@code db.aselect(Article.class).join(Author.class, Author_.id.of("a").eqAttribute(Article_.author), JoinType.INNER, "a")
     * .filter(Author_.name.of("a").eq("ann"))}.
     *
     * @param alias the alias given to the join
     * @return the same property, addressed through the alias
     * @throws IllegalArgumentException for a null or blank alias
     */
    public ComparableAttribute<E, V> of(String alias) {
        return new ComparableAttribute<>(valueType(), aliasedPath(alias));
    }
}
