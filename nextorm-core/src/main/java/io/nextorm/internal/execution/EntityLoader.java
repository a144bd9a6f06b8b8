package io.nextorm.internal.execution;

import io.nextorm.internal.mapping.EntityModel;

import io.r2dbc.spi.Readable;

/**
 * Where mapped rows become objects: outside a session each row gives a new object; inside one, the
 * identity map returns the object already loaded for the same key.
 */
public interface EntityLoader {

    /**
     * The object for a loaded row. The row is filled in only when the object is new (or not yet
     * loaded), and no object is made per row for the filling: the mapper is the filler.
     *
     * @param model the entity
     * @param id the row's key
     * @param row the row
     * @param fill writes the row's columns into a new (or not yet loaded) object
     * @param references where the filled object's referenced objects come from
     * @param <T> the entity type
     * @return the object to hand out
     */
    <T> T load(EntityModel<T> model, Object id, Readable row, RowFill<T> fill, EntityLoader references);

    /**
     * Writes a row's columns into an object: what an entity's row mapper does.
     *
     * @param <T> the entity type
     */
    @FunctionalInterface
    interface RowFill<T> {

        /**
         * Fills an object from a row.
         *
         * @param entity the object
         * @param row the row
         * @param references where referenced objects come from
         * @param id the row's key
         */
        void fill(T entity, Readable row, EntityLoader references, Object id);
    }

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
