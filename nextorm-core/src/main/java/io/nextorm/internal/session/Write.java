package io.nextorm.internal.session;

import io.nextorm.EntityHooks;
import io.nextorm.internal.mapping.EntityModel;

/** The write an entity hook is called around. */
enum Write {
    /** An INSERT. */
    INSERT,
    /** An UPDATE. */
    UPDATE,
    /** A DELETE. */
    DELETE;

    /**
     * Calls the before-hook of this write, if the entity has hooks.
     *
     * @param entity the entity
     * @param model its model
     */
    void before(Object entity, EntityModel<?> model) {
        if (model.hasHooks()) {
            EntityHooks hooks = (EntityHooks) entity;
            switch (this) {
                case INSERT -> hooks.beforeInsert();
                case UPDATE -> hooks.beforeUpdate();
                case DELETE -> hooks.beforeDelete();
            }
        }
    }

    /**
     * Calls the after-hook of this write, if the entity has hooks.
     *
     * @param entity the entity
     * @param model its model
     */
    void after(Object entity, EntityModel<?> model) {
        if (model.hasHooks()) {
            EntityHooks hooks = (EntityHooks) entity;
            switch (this) {
                case INSERT -> hooks.afterInsert();
                case UPDATE -> hooks.afterUpdate();
                case DELETE -> hooks.afterDelete();
            }
        }
    }
}
