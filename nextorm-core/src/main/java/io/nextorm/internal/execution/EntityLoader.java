package io.nextorm.internal.execution;

import io.nextorm.internal.mapping.EntityModel;

import java.util.function.Consumer;

/**
 * Where mapped rows become objects: outside a session each row gives a new object; inside one, the
 * identity map returns the object already loaded for the same key.
 */
public interface EntityLoader {

    /**
     * The object for a loaded row.
     *
     * @param model the entity
     * @param id the row's key
     * @param fill writes the row's columns into a new (or not yet loaded) object
     * @param <T> the entity type
     * @return the object to hand out
     */
    <T> T load(EntityModel<T> model, Object id, Consumer<T> fill);

    /**
     * The object a foreign key refers to: a loaded one if there is one, else a reference holding only
     * its key (a stub, loadable later).
     *
     * @param target the referenced entity
     * @param id the referenced key
     * @return the referenced object
     */
    Object reference(EntityModel<?> target, Object id);
}
