package io.nextorm.internal.session;

import io.nextorm.internal.execution.EntityLoader;
import io.r2dbc.spi.Readable;
import io.nextorm.internal.mapping.EntityModel;

import java.util.HashMap;
import java.util.Map;

/**
 * Outside a session: maps each row of one prefetch query once, so that an object reached from
 * several owners is one object.
 */
final class OnceLoader implements EntityLoader {

    private final EntityLoader objects;
    private final Map<EntityModel<?>, Map<Object, Object>> seen = new HashMap<>();

    OnceLoader(EntityLoader objects) {
        this.objects = objects;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> T load(EntityModel<T> model, Object id, Readable row, RowFill<T> fill,
                                   EntityLoader references) {
        Map<Object, Object> byKey = seen.computeIfAbsent(model, m -> new HashMap<>());
        Object found = byKey.get(id);
        if (found == null) {
            found = objects.load(model, id, row, fill, references);
            byKey.put(id, found);
        }
        return (T) found;
    }

    @Override
    public Object reference(EntityModel<?> target, Object id) {
        return objects.reference(target, id);
    }
}
