package io.nextorm.internal.session;

import io.nextorm.internal.execution.UnloadedSet;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.Mapping;
import io.nextorm.internal.mapping.PropertyKind;
import io.nextorm.internal.mapping.PropertyModel;
import io.nextorm.internal.mapping.Relation;

/**
 * After a bulk UPDATE of an entity's rows, the loaded one-to-many sets whose members are those rows
 * may be stale (the update may have moved their reference to another owner): they become unloaded,
 * so the next read or prefetch loads them again instead of showing the members as they were.
 */
final class StaleSets {

    private StaleSets() {
    }

    static void unloadOneToManyOver(Mapping mapping, Session session, EntityModel<?> changed) {
        for (EntityModel<?> owner : mapping.entities()) {
            for (PropertyModel set : owner.sets()) {
                Relation relation = set.relation();
                boolean oneToMany = relation != null && relation.reverse() != null
                        && relation.reverse().kind() == PropertyKind.REFERENCE;
                if (!oneToMany || set.target() != changed) {
                    continue;
                }
                synchronized (session) {
                    for (Entry entry : session.loaded(owner)) {
                        if (!(set.get(entry.entity) instanceof UnloadedSet<?>)) {
                            set.set(entry.entity, new UnloadedSet<>(set));
                        }
                    }
                }
            }
        }
    }
}
