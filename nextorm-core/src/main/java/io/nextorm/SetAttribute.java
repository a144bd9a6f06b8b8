package io.nextorm;

import io.nextorm.query.PropertyPath;

import io.nextorm.query.Aggregate;
import io.nextorm.query.Condition;
import io.nextorm.query.Exists;
import io.nextorm.query.InSubquery;
import io.nextorm.query.Value;

import java.util.Set;

/**
 * A {@code Set<T>} relation of an entity (one-to-many or many-to-many): for
 * {@link AsyncQuerySet#prefetch(Attribute[])} ({@code Article_.tags}), and for conditions and values
 * over its elements, as correlated subqueries: {@code Group_.students.count().gt(2)},
 * {@code Group_.students.anyMatch(Student_.gpa.gt(3.0))}, {@code Group_.students.contains(ann)},
 * {@code Group_.students.avg(Student_.gpa)}.
 *
 * @param <E> the entity that holds the set
 * @param <R> the element entity
 */
public class SetAttribute<E, R> extends Attribute<E, Set<R>> {

    private final Class<R> elementType;

    /**
     * Creates the attribute of a set of an entity.
     *
     * @param entity the entity
     * @param name the property (field) name
     * @param elementType the element entity
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public SetAttribute(Class<E> entity, String name, Class<R> elementType) {
        super((Class) Set.class, PropertyPath.of(entity, name));
        this.elementType = elementType;
    }

    /**
     * The element entity.
     *
     * @return the class of the set's elements
     */
    public Class<R> elementType() {
        return elementType;
    }

    private io.nextorm.query.Subquery elements(Condition condition, io.nextorm.query.Expression selected) {
        return io.nextorm.query.Subquery.ofRelation(path(), elementType, condition, selected);
    }

    /**
     * The number of elements: {@code Group_.students.count().gt(2)} (PonyORM's {@code count(g.students)}).
     *
     * @return the count, as a correlated subquery
     */
    public ValueExpression<Long> count() {
        return new ValueExpression<>(elements(null, new Aggregate(Aggregate.Function.COUNT, null, false)), Long.class);
    }

    /**
     * The number of elements that satisfy a condition.
     *
     * @param condition a condition on the elements ({@code Student_.gpa.gt(3.0)})
     * @return the count
     */
    public ValueExpression<Long> count(Condition condition) {
        return new ValueExpression<>(elements(requireCondition(condition, "count"),
                new Aggregate(Aggregate.Function.COUNT, null, false)), Long.class);
    }

    /**
     * The set has no element (PonyORM's {@code is_empty(g.students)}).
     *
     * @return the condition
     */
    public Condition isEmpty() {
        return new Exists(elements(null, null)).not();
    }

    /**
     * The set has an element.
     *
     * @return the condition
     */
    public Condition isNotEmpty() {
        return new Exists(elements(null, null));
    }

    /**
     * An element satisfies the condition (PonyORM's {@code exists(s for s in g.students if s.gpa > 3)}).
     *
     * @param condition a condition on the elements
     * @return the condition
     */
    public Condition anyMatch(Condition condition) {
        return new Exists(elements(requireCondition(condition, "anyMatch"), null));
    }

    /**
     * Every element satisfies the condition (true for an empty set); an element whose value is NULL
     * satisfies no comparison, as in SQL.
     *
     * @param condition a condition on the elements
     * @return the condition
     */
    public Condition allMatch(Condition condition) {
        Condition violated = requireCondition(condition, "allMatch").not();
        return new Exists(elements(violated, null)).not();
    }

    /**
     * No element satisfies the condition.
     *
     * @param condition a condition on the elements
     * @return the condition
     */
    public Condition noneMatch(Condition condition) {
        return anyMatch(condition).not();
    }

    /**
     * The set holds the entity (PonyORM's {@code s in g.students}).
     *
     * @param element a saved entity
     * @return the condition
     * @throws IllegalArgumentException for null
     */
    public Condition contains(R element) {
        if (element == null) {
            throw new IllegalArgumentException("contains() of " + this + " needs an entity, got null");
        }
        return new InSubquery(new Value(element), elements(null, null), false);
    }

    /**
     * SUM of an element property: {@code Group_.students.sum(Student_.gpa)}; NULL (no value) for an
     * empty set, as in SQL.
     *
     * @param property a number property of the elements
     * @param <V> its type
     * @return the sum
     */
    public <V extends Number & Comparable<? super V>> ValueExpression<V> sum(NumberAttribute<R, V> property) {
        return aggregate(Aggregate.Function.SUM, property, property == null ? null : property.valueType());
    }

    /**
     * AVG of an element property, as a double.
     *
     * @param property a number property of the elements
     * @return the average
     */
    public ValueExpression<Double> avg(NumberAttribute<R, ?> property) {
        return aggregate(Aggregate.Function.AVG, property, Double.class);
    }

    /**
     * MIN of an element property.
     *
     * @param property a property of the elements
     * @param <V> its type
     * @return the minimum
     */
    public <V> ValueExpression<V> min(SingularAttribute<R, V> property) {
        return aggregate(Aggregate.Function.MIN, property, property == null ? null : property.valueType());
    }

    /**
     * MAX of an element property.
     *
     * @param property a property of the elements
     * @param <V> its type
     * @return the maximum
     */
    public <V> ValueExpression<V> max(SingularAttribute<R, V> property) {
        return aggregate(Aggregate.Function.MAX, property, property == null ? null : property.valueType());
    }

    private <V> ValueExpression<V> aggregate(Aggregate.Function function, Attribute<R, ?> property, Class<V> type) {
        if (property == null) {
            throw new IllegalArgumentException(function.name().toLowerCase() + "() of " + this
                    + " needs a property of " + elementType.getSimpleName() + ", got null");
        }
        return new ValueExpression<>(elements(null, new Aggregate(function, property.path(), false)), type);
    }

    private Condition requireCondition(Condition condition, String method) {
        if (condition == null) {
            throw new IllegalArgumentException(method + "() of " + this + " needs a condition on "
                    + elementType.getSimpleName() + ", got null");
        }
        return condition;
    }
}
