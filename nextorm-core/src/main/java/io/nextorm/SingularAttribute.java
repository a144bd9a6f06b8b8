package io.nextorm;

import io.nextorm.query.Assignment;
import io.nextorm.query.Comparison;
import io.nextorm.query.Condition;
import io.nextorm.query.InList;
import io.nextorm.query.NullCheck;
import io.nextorm.query.PropertyPath;
import io.nextorm.query.Value;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A property with one value per row (a column): equality, membership, null checks, assignment.
 *
 * <pre>{@code
 * Article_.status.eq(Status.DRAFT)
 * Article_.id.in(List.of(1L, 2L, 3L))
 * Article_.subtitle.isNull()
 * }</pre>
 *
 * @param <E> the entity the property is reached from
 * @param <V> the property's value type
 */
public class SingularAttribute<E, V> extends Attribute<E, V> {

    /**
     * Creates the attribute of a property of an entity.
     *
     * @param entity the entity
     * @param name the property (field) name
     * @param valueType the value type (boxed for primitives)
     */
    public SingularAttribute(Class<E> entity, String name, Class<V> valueType) {
        this(valueType, PropertyPath.of(entity, name));
    }

    /**
     * Creates an attribute at a path.
     *
     * @param valueType the value type
     * @param path the path
     */
    protected SingularAttribute(Class<V> valueType, PropertyPath path) {
        super(valueType, path);
    }

    /**
     * Equal to a value; {@code eq(null)} is the same as {@link #isNull()}.
     *
     * @param value the value
     * @return the condition
     */
    public Condition eq(V value) {
        return value == null ? isNull() : new Comparison(path(), Comparison.Operator.EQ, new Value(value));
    }

    /**
     * Equal to another property, for join conditions:
     * {@code join(Comment.class, Comment_.article.eqAttribute(Article_.id))}. (Named apart from
     * {@link #eq(Object)} so that {@code eq(null)} stays unambiguous.)
     *
     * @param other the other property
     * @return the condition
     */
    public Condition eqAttribute(Attribute<?, ?> other) {
        return new Comparison(path(), Comparison.Operator.EQ, other.path());
    }

    /**
     * Not equal to a value; {@code ne(null)} is the same as {@link #isNotNull()}. Like SQL, a row whose
     * value is NULL matches neither {@code eq(x)} nor {@code ne(x)}.
     *
     * @param value the value
     * @return the condition
     */
    public Condition ne(V value) {
        return value == null ? isNotNull() : new Comparison(path(), Comparison.Operator.NE, new Value(value));
    }

    /**
     * One of the values.
     *
     * @param values the values; none never matches
     * @return the condition
     */
    public Condition in(Collection<? extends V> values) {
        return new InList(path(), List.copyOf(requireValues(values)), false);
    }

    /**
     * One of the values.
     *
     * @param values the values; none never matches
     * @return the condition
     */
    @SafeVarargs
    public final Condition in(V... values) {
        return in(Arrays.asList(values));
    }

    /**
     * None of the values.
     *
     * @param values the values; none always matches
     * @return the condition
     */
    public Condition notIn(Collection<? extends V> values) {
        return new InList(path(), List.copyOf(requireValues(values)), true);
    }

    /**
     * None of the values.
     *
     * @param values the values; none always matches
     * @return the condition
     */
    @SafeVarargs
    public final Condition notIn(V... values) {
        return notIn(Arrays.asList(values));
    }

    /**
     * IS NULL.
     *
     * @return the condition
     */
    public Condition isNull() {
        return new NullCheck(path(), false);
    }

    /**
     * IS NOT NULL.
     *
     * @return the condition
     */
    public Condition isNotNull() {
        return new NullCheck(path(), true);
    }

    /**
     * {@code SET property = value}, for a bulk {@code update}.
     *
     * @param value the new value
     * @return the assignment
     */
    public Assignment set(V value) {
        return new Assignment(path(), new Value(value));
    }

    private Collection<? extends V> requireValues(Collection<? extends V> values) {
        if (values == null) {
            throw new IllegalArgumentException("in()/notIn() of " + this + " needs a collection, not null");
        }
        for (V value : values) {
            if (value == null) {
                throw new IllegalArgumentException(
                        "in()/notIn() of " + this + " got a null value: SQL IN never matches NULL; use isNull()");
            }
        }
        return values;
    }

    /**
     * One of the keys (or, for a value property, of the values) a query set selects:
     * {@code Student_.group.in(db.aselect(Group.class).filter(Group_.name.startsWith("A")))} is
     * {@code group_id IN (SELECT id FROM group WHERE ...)}.
     *
     * @param query the inner query set; no limit, offset or lock
     * @return the condition
     * @throws IllegalArgumentException for null or a query set with a limit
     */
    public Condition in(AsyncQuerySet<?> query) {
        return new io.nextorm.query.InSubquery(path(), Subqueries.of(query, null, "in()"), false);
    }

    /**
     * None of the keys a query set selects.
     *
     * @param query the inner query set; no limit, offset or lock
     * @return the condition
     * @throws IllegalArgumentException for null or a query set with a limit
     */
    public Condition notIn(AsyncQuerySet<?> query) {
        return new io.nextorm.query.InSubquery(path(), Subqueries.of(query, null, "notIn()"), true);
    }

    /**
     * {@code COUNT(property)}: its non-NULL values, for projections and {@code having}.
     *
     * @return the aggregate
     */
    public ValueExpression<Long> count() {
        return Functions.count(this);
    }

    /**
     * {@code COUNT(DISTINCT property)}.
     *
     * @return the aggregate
     */
    public ValueExpression<Long> countDistinct() {
        return Functions.countDistinct(this);
    }

    /**
     * {@code MIN(property)}.
     *
     * @return the aggregate
     */
    public ValueExpression<V> min() {
        return Functions.min(this);
    }

    /**
     * {@code MAX(property)}.
     *
     * @return the aggregate
     */
    public ValueExpression<V> max() {
        return Functions.max(this);
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
    public SingularAttribute<E, V> of(String alias) {
        return new SingularAttribute<>(valueType(), aliasedPath(alias));
    }
}
