package io.nextorm.internal.session;

import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.PropertyModel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One object of a session's identity map, with what the session knows about it. Guarded by the
 * session's lock.
 */
final class Entry {

    /** What the session holds of an object. */
    enum State {
        /** Only its key is known (a reference); never written. */
        STUB,
        /** Loaded (or written) in this session; its snapshot holds the values read. */
        LOADED,
        /** Added and not inserted yet. */
        NEW
    }

    final EntityModel<?> model;
    final Object entity;
    /** When the object entered the session (added or first read): flush hooks run in this order. */
    final long order;
    /** When a change of a loaded object was first seen (at an {@code add}); 0 when not seen since it was read or written. */
    long changed;
    State state;
    /** The tracked columns' values last read or written; for a stub, its values as created. */
    Object[] snapshot;
    /** The members of the loaded sets, as last read or written; null when none is loaded. */
    Map<PropertyModel, List<Object>> sets;

    Entry(EntityModel<?> model, Object entity, State state, long order) {
        this.model = model;
        this.entity = entity;
        this.state = state;
        this.order = order;
    }

    void setMembers(PropertyModel set, List<Object> members) {
        if (sets == null) {
            sets = new HashMap<>(4);
        }
        sets.put(set, members);
    }

    List<Object> members(PropertyModel set) {
        return sets == null ? null : sets.get(set);
    }

    @Override
    public String toString() {
        return model.name() + "[" + model.idOf(entity) + ", " + state + "]";
    }
}
