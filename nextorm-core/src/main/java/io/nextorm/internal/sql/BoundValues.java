package io.nextorm.internal.sql;

import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.Mapping;

/** How a value of a condition tree is bound: an entity stands for its key, a NULL is typed. */
final class BoundValues {

    private BoundValues() {
    }

    /**
     * The parameter a value of the tree is bound as: an entity stands for its key, NULL is typed.
     */
    static Object bindable(Mapping mapping, Object value, Class<?> type) {
        if (value == null) {
            return new TypedNull(type);
        }
        if (mapping.isEntity(value.getClass())) {
            EntityModel<?> model = mapping.entity(value.getClass());
            if (model.hasNoId(value)) {
                throw new IllegalArgumentException("A condition compares with an unsaved " + model.name()
                        + " (its key is not set): save it first");
            }
            return model.idOf(value);
        }
        return value;
    }
}
