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
            call((EntityHooks) entity, true);
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
            call((EntityHooks) entity, false);
        }
    }

    private void call(EntityHooks hooks, boolean before) {
        switch (this) {
            case INSERT -> {
                if (before) {
                    hooks.beforeInsert();
                } else {
                    hooks.afterInsert();
                }
            }
            case UPDATE -> {
                if (before) {
                    hooks.beforeUpdate();
                } else {
                    hooks.afterUpdate();
                }
            }
            case DELETE -> {
                if (before) {
                    hooks.beforeDelete();
                } else {
                    hooks.afterDelete();
                }
            }
        }
    }
}
