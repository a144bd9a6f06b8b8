package io.nextorm;

import io.nextorm.query.Condition;
import io.nextorm.query.PropertyPath;

/**
 * A boolean property: {@code Article_.published.isTrue()}.
 *
 * @param <E> the entity the property is reached from
 */
public class BooleanAttribute<E> extends SingularAttribute<E, Boolean> {

    /**
     * Creates the attribute of a property of an entity.
     *
     * @param entity the entity
     * @param name the property (field) name
     */
    public BooleanAttribute(Class<E> entity, String name) {
        super(entity, name, Boolean.class);
    }

    /**
     * Creates an attribute at a path.
     *
     * @param path the path
     */
    protected BooleanAttribute(PropertyPath path) {
        super(Boolean.class, path);
    }

    /**
     * The value is true.
     *
     * @return the condition
     */
    public Condition isTrue() {
        return eq(Boolean.TRUE);
    }

    /**
     * The value is false.
     *
     * @return the condition
     */
    public Condition isFalse() {
        return eq(Boolean.FALSE);
    }
}
