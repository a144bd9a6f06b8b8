package io.nextorm.internal.session;

import io.nextorm.internal.execution.UnloadedSet;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.PropertyModel;
import io.nextorm.internal.mapping.Relation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reads a session's flush (or {@code asave}) makes before it plans, as PonyORM makes them:
 * the rows of changed references known only by key, and the old members of replaced sets.
 */
final class FlushReads {

    private final DatabaseRuntime runtime;
    private final RelationLoader relations;

    FlushReads(DatabaseRuntime runtime) {
        this.runtime = runtime;
        this.relations = runtime.queries().relations();
    }

    /**
     * Reads what the plan needs and the session does not hold: the rows of references loaded only
     * by key (stubs) that were changed, so that their UPDATE is checked like any other; the old
     * members of sets the user replaced without loading them, so that the members left out are
     * unlinked.
     *
     * @param session the session
     * @return completion
     */
    Mono<Void> before(Session session) {
        List<Entry> changedStubs = new ArrayList<>();
        List<Replaced> replaced = new ArrayList<>();
        synchronized (session) {
            for (Entry entry : session.entries()) {
                if (entry.state == Entry.State.STUB) {
                    if (!Snapshot.changed(runtime.trackedColumns(entry.model), entry.snapshot, entry.entity).isEmpty()) {
                        changedStubs.add(entry);
                    }
                } else if (entry.state == Entry.State.LOADED) {
                    for (PropertyModel set : entry.model.sets()) {
                        Object value = set.get(entry.entity);
                        if (set.relation() != null && value instanceof Collection<?> && !(value instanceof UnloadedSet<?>)
                                && entry.members(set) == null) {
                            replaced.add(new Replaced(entry.entity, set));
                        }
                    }
                }
            }
        }
        if (changedStubs.isEmpty() && replaced.isEmpty()) {
            return Mono.empty();
        }
        return reloadKeeping(session, changedStubs)
                .thenMany(Flux.fromIterable(replaced).concatMap(r -> readMembers(session, r.owner(), r.set())))
                .then();
    }

    /**
     * Reads the members of one set of an object in a session as the members known to the session,
     * without touching the set the object holds (the user may have replaced it).
     *
     * @param session the session
     * @param owner the owner, saved
     * @param set the set property
     * @return completion
     */
    private Mono<Void> readMembers(Session session, Object owner, PropertyModel set) {
        Relation relation = set.relation();
        EntityModel<?> ownerModel = relation.reverse().target();
        List<Object> key = List.of(ownerModel.idOf(owner));
        Flux<RelationQueries.Member> rows = relation.isManyToMany()
                ? relations.queries().selectJoined(set.target(), relation, key, ownerModel, session.loader())
                : relations.queries().selectByReference(set.target(), relation.reverse(), key, session.loader());
        return rows.map(RelationQueries.Member::entity).collectList()
                .doOnNext(members -> session.setLoaded(owner, set, members))
                .then();
    }

    /**
     * Loads the rows of references known only by key (stubs) that were changed, keeping the
     * changes: the columns changed take the values set on the stub again after the load, so they
     * are written with the values read as their check.
     *
     * @param session the session
     * @param stubs the changed stubs' entries
     * @return completion
     */
    Mono<Void> reloadKeeping(Session session, List<Entry> stubs) {
        return Flux.fromIterable(stubs).concatMap(entry -> {
            List<PropertyModel> tracked = runtime.trackedColumns(entry.model);
            Map<PropertyModel, Object> changes = new LinkedHashMap<>();
            synchronized (session) {
                for (int index : Snapshot.changed(tracked, entry.snapshot, entry.entity)) {
                    PropertyModel column = tracked.get(index);
                    changes.put(column, column.get(entry.entity));
                }
            }
            return relations.queries().selectByKeys(entry.model, List.of(entry.model.idOf(entry.entity)), session.loader())
                    .then(Mono.fromRunnable(() -> {
                        synchronized (session) {
                            changes.forEach((column, value) -> column.set(entry.entity, value));
                        }
                    }));
        }).then();
    }

    private record Replaced(Object owner, PropertyModel set) {
    }
}
