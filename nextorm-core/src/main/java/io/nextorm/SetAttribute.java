package io.nextorm;

import io.nextorm.query.PropertyPath;

import java.util.Set;

/**
 * A {@code Set<T>} relation of an entity (one-to-many or many-to-many), for
 * {@link AsyncQuerySet#prefetch(Attribute[])}: {@code Article_.tags}.
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
}
