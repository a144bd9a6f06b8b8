package io.nextorm;

import io.nextorm.query.OrderItem;
import io.nextorm.query.PropertyPath;

import java.util.Objects;

/**
 * A property of an entity in the generated metamodel ({@code Article_.title}): the typed handle
 * that conditions, orderings, assignments and {@code prefetch} are written with. Instances are
 * immutable; the generated metamodel classes hold them in static fields.
 *
 * @param <E> the entity the property is reached from
 * @param <V> the property's value type
 */
public abstract class Attribute<E, V> implements Selectable<V> {

    private final Class<V> valueType;
    private final PropertyPath path;

    /**
     * Creates an attribute.
     *
     * @param valueType the value type (boxed for primitives)
     * @param path where the property is
     */
    protected Attribute(Class<V> valueType, PropertyPath path) {
        this.valueType = Objects.requireNonNull(valueType, "valueType");
        this.path = Objects.requireNonNull(path, "path");
    }

    /**
     * The property as an expression of the query tree: its path.
     *
     * @return the path
     */
    @Override
    public io.nextorm.query.Expression expression() {
        return path;
    }

    /**
     * The value type; the boxed type for primitive fields.
     *
     * @return the value type
     */
    @Override
    public Class<V> valueType() {
        return valueType;
    }

    /**
     * The path from the root entity to the property.
     *
     * @return the path
     */
    public PropertyPath path() {
        return path;
    }

    /**
     * The property's name (the last name of a path).
     *
     * @return the name
     */
    public String name() {
        return path.leaf();
    }

    /**
     * The entity the property is reached from.
     *
     * @return the root entity class
     */
    public Class<?> entityType() {
        return path.root();
    }

    /**
     * The path of this property on the entity joined under an alias, checked.
     *
     * @param alias the alias given to {@code AsyncQuerySet.join(..., alias)}
     * @return the aliased path
     * @throws IllegalArgumentException for a null or blank alias
     */
    protected PropertyPath aliasedPath(String alias) {
        if (alias == null || alias.isBlank()) {
            throw new IllegalArgumentException("of() of " + this + " needs the alias of a join, got "
                    + (alias == null ? "null" : "'" + alias + "'"));
        }
        return path.withAlias(alias);
    }

    /**
     * Ascending order by this property.
     *
     * @return the ordering key
     */
    public OrderItem asc() {
        return new OrderItem(path, false);
    }

    /**
     * Descending order by this property.
     *
     * @return the ordering key
     */
    public OrderItem desc() {
        return new OrderItem(path, true);
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && path.equals(((Attribute<?, ?>) other).path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
