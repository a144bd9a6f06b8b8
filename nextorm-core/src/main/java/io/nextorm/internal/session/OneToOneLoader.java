package io.nextorm.internal.session;

import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.PropertyKind;
import io.nextorm.internal.mapping.PropertyModel;
import io.nextorm.internal.mapping.Relation;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads the reverse side of one-to-ones ({@code Profile.user}, whose column is {@code user.profile_id})
 * for many owners with one SELECT of the other table by its unique foreign key (an IN list of the
 * owners' keys), as PonyORM loads them with an extra query: each owner gets the one object whose
 * reference points at it, or null, and that object's reference is the owner itself. In a session the
 * value read is remembered, so that a flush sees when either side was reassigned.
 */
final class OneToOneLoader {

    private OneToOneLoader() {
    }

    /**
     * After an owning one-to-one reference was loaded, its target's reverse side is the owner.
     *
     * @param session the session, or null
     * @param reference the reference loaded
     * @param owner its owner
     * @param target the loaded target
     */
    static void pointBack(Session session, PropertyModel reference, Object owner, Object target) {
        Relation relation = reference.relation();
        if (relation == null || relation.reverse().kind() != PropertyKind.REVERSE_REFERENCE) {
            return;
        }
        relation.reverse().set(target, owner);
        if (session != null) {
            session.setLoaded(target, relation.reverse(), List.of(owner));
        }
    }

    static Mono<List<Object>> load(RelationLoader relations, DatabaseRuntime runtime, PropertyModel reverseSide,
                                   List<?> owners) {
        PropertyModel owning = reverseSide.relation().reverse();
        EntityModel<?> target = reverseSide.target();
        return Mono.deferContextual(context -> {
            Session session = runtime.sessionOf(context);
            EntityModel<?> ownerModel = owning.target();
            Map<Object, List<Object>> ownersByKey = new LinkedHashMap<>();
            for (Object owner : owners) {
                if (!ownerModel.hasNoId(owner)) {
                    ownersByKey.computeIfAbsent(ownerModel.idOf(owner), k -> new ArrayList<>()).add(owner);
                }
            }
            if (ownersByKey.isEmpty()) {
                return Mono.just(List.of());
            }
            Map<Object, Object> byOwnerKey = new HashMap<>();
            return relations.queries().selectByReference(target, owning, new ArrayList<>(ownersByKey.keySet()),
                            relations.loader(session))
                    .doOnNext(member -> byOwnerKey.put(member.ownerKey(), member.entity()))
                    .then(Mono.fromCallable(() -> {
                        Set<Object> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
                        List<Object> found = new ArrayList<>();
                        for (Map.Entry<Object, List<Object>> byKey : ownersByKey.entrySet()) {
                            Object other = byOwnerKey.get(byKey.getKey());
                            for (Object owner : byKey.getValue()) {
                                reverseSide.set(owner, other);
                                if (other != null) {
                                    Object back = owning.get(other);
                                    if (back != owner && (back == null || runtime.isStub(session, back))) {
                                        owning.set(other, owner);
                                    }
                                }
                                if (session != null) {
                                    session.setLoaded(owner, reverseSide, other == null ? List.of() : List.of(other));
                                }
                            }
                            if (other != null && distinct.add(other)) {
                                found.add(other);
                            }
                        }
                        return found;
                    }));
        });
    }
}
