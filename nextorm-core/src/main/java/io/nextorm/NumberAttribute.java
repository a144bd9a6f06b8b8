package io.nextorm;

import io.nextorm.query.Arithmetic;
import io.nextorm.query.Assignment;
import io.nextorm.query.PropertyPath;
import io.nextorm.query.Value;

/**
 * A numeric property: {@code Article_.views.gt(100)}, and in bulk updates
 * {@code Article_.views.increment(1)}.
 *
 * @param <E> the entity the property is reached from
 * @param <V> the number type (boxed)
 */
public class NumberAttribute<E, V extends Number & Comparable<? super V>> extends ComparableAttribute<E, V> {

    /**
     * Creates the attribute of a property of an entity.
     *
     * @param entity the entity
     * @param name the property (field) name
     * @param valueType the boxed number type
     */
    public NumberAttribute(Class<E> entity, String name, Class<V> valueType) {
        super(entity, name, valueType);
    }

    /**
     * Creates an attribute at a path.
     *
     * @param valueType the value type
     * @param path the path
     */
    protected NumberAttribute(Class<V> valueType, PropertyPath path) {
        super(valueType, path);
    }

    /**
     * {@code SET property = property + amount}, for a bulk {@code update}.
     *
     * @param amount what to add, not null
     * @return the assignment
     */
    public Assignment increment(V amount) {
        if (amount == null) {
            throw new IllegalArgumentException("increment() of " + this + " needs an amount, not null");
        }
        return new Assignment(path(), new Arithmetic(path(), Arithmetic.Operator.ADD, new Value(amount)));
    }

    /**
     * This property plus a value or expression.
     *
     * @param other the addend
     * @return the sum
     */
    public ValueExpression<V> plus(Object other) {
        return asExpression().plus(other);
    }

    /**
     * This property minus a value or expression.
     *
     * @param other the subtrahend
     * @return the difference
     */
    public ValueExpression<V> minus(Object other) {
        return asExpression().minus(other);
    }

    /**
     * This property times a value or expression: {@code orderBy(Student_.gpa.times(2).desc())}.
     *
     * @param other the factor
     * @return the product
     */
    public ValueExpression<V> times(Object other) {
        return asExpression().times(other);
    }

    /**
     * This property divided by a value or expression.
     *
     * @param other the divisor
     * @return the quotient
     */
    public ValueExpression<V> dividedBy(Object other) {
        return asExpression().dividedBy(other);
    }

    /**
     * {@code SUM(property)}, for projections and {@code having}.
     *
     * @return the aggregate
     */
    public ValueExpression<V> sum() {
        return Functions.sum(this);
    }

    /**
     * {@code AVG(property)}, read as a double.
     *
     * @return the aggregate
     */
    public ValueExpression<Double> avg() {
        return Functions.avg(this);
    }

    private ValueExpression<V> asExpression() {
        return new ValueExpression<>(path(), valueType());
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
    public NumberAttribute<E, V> of(String alias) {
        return new NumberAttribute<>(valueType(), aliasedPath(alias));
    }
}
