package io.nextorm.internal.session;

import io.nextorm.ObjectNotFoundException;
import io.nextorm.internal.execution.UnloadedSet;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.PropertyModel;
import io.nextorm.internal.mapping.Relation;
import io.nextorm.internal.session.LinkPersister.LinkChange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * One flush of a session, PonyORM's way: the plan is made first (new objects, including the new
 * objects they reach; reverse references of one-to-many sets; changed objects; join rows), then the
 * before-hooks of all of them run, then the writes, then the after-hooks.
 *
 * <p>INSERTs go in the order of an {@link InsertPlan}, through the entities' {@link EntityPersister}s
 * (multi-row INSERTs with the generated keys read back); UPDATEs set the changed columns only and
 * check the values read (or the version); link rows go through the {@link LinkPersister}.
 * A failing flush rolls the transaction back and clears the identity map, so nothing of it stays.
 */
final class Flush {

    private final Session session;
    private final DatabaseRuntime runtime;

    private final List<Entry> inserts = new ArrayList<>();
    private final Set<Object> inserting = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Entry> updates = new ArrayList<>();
    private final List<Entry> updated = new ArrayList<>();
    private final List<LinkChange> links = new ArrayList<>();
    private final List<SetChange> setChanges = new ArrayList<>();
    private final List<Entry> deletes = new ArrayList<>();
    private final Set<Object> deleting = Collections.newSetFromMap(new IdentityHashMap<>());

    private final Entry only;

    /**
     * A flush of every new and changed object of a session.
     *
     * @param session the session
     */
    Flush(Session session) {
        this(session, null);
    }

    /**
     * A flush of one loaded object only (its changed columns), for {@code asave}.
     *
     * @param session the session
     * @param only the object's entry, or null for all
     */
    Flush(Session session, Entry only) {
        this.session = session;
        this.only = only;
        this.runtime = session.runtime();
    }

    Mono<Void> run() {
        if (only == null) {
            OneToOneSync.apply(session);
        }
        return (only == null ? new FlushReads(runtime).before(session) : Mono.<Void>empty())
                .then(Mono.defer(this::planAndWrite));
    }

    private Mono<Void> planAndWrite() {
        synchronized (session) {
            plan();
        }
        if (inserts.isEmpty() && updates.isEmpty() && deletes.isEmpty() && links.isEmpty() && setChanges.isEmpty()) {
            return Mono.empty();
        }
        return Mono.defer(() -> {
                    requireWritable();
                    List<Hook> hooks = hooks();
                    for (Hook hook : hooks) {
                        hook.write().before(hook.entry().entity, hook.entry().model);
                    }
                    return insertAll()
                            .then(Mono.defer(this::updateAll))
                            .then(Mono.defer(this::deleteAll))
                            .then(Mono.defer(() -> runtime.links().write(session.connection(), links)))
                            .then(Mono.<Void>fromRunnable(() -> succeeded(hooks)));
                })
                .onErrorResume(this::failed);
    }

    // ---- planning (under the session's lock) ----

    private void plan() {
        if (only != null) {
            if (only.state == Entry.State.LOADED
                    && Snapshot.anyChanged(runtime.trackedColumns(only.model), only.snapshot, only.entity)) {
                updates.add(only);
            }
            return;
        }
        List<Entry> news = session.pending();
        List<Entry> entries = session.entries();
        Set<Object> known = Collections.newSetFromMap(new IdentityHashMap<>(entries.size() + 16));
        for (Entry entry : entries) {
            known.add(entry.entity);
        }
        // new objects reached from new or loaded objects are inserted too
        List<Entry> work = new ArrayList<>(entries);
        for (int i = 0; i < work.size(); i++) {
            Entry entry = work.get(i);
            if (entry.state == Entry.State.STUB) {
                continue;
            }
            for (Object target : reached(entry)) {
                if (target != null && !known.contains(target) && runtime.mapping().isEntity(target.getClass())) {
                    EntityModel<?> model = runtime.mapping().entity(target.getClass());
                    if (model.hasNoId(target) || model.key().composite()) {
                        known.add(target);
                        Entry added = session.addNew(model, target);
                        news.add(added);
                        work.add(added);
                    }
                }
            }
        }
        for (Entry entry : work) {
            if (entry.state != Entry.State.STUB && entry.model.sets().size() > 0) {
                planSets(entry);
            }
        }
        for (Entry entry : work) {
            if (entry.state == Entry.State.STUB) {
                if (Snapshot.anyChanged(runtime.trackedColumns(entry.model), entry.snapshot, entry.entity)
                        && !deleting.contains(entry.entity)) {
                    List<Integer> changed = Snapshot.changed(runtime.trackedColumns(entry.model), entry.snapshot, entry.entity);
                    throw new ObjectNotFoundException("There is no " + entry.model.name() + "["
                            + entry.model.idOf(entry.entity) + "] to write its change of " + names(entry.model, changed)
                            + " to: the row is gone");
                }
            } else if (entry.state == Entry.State.LOADED && !deleting.contains(entry.entity)) {
                if (Snapshot.anyChanged(runtime.trackedColumns(entry.model), entry.snapshot, entry.entity)) {
                    updates.add(entry);
                }
            }
        }
        OneToOneSync.clearingFirst(runtime, updates);
        for (Entry entry : news) {
            if (entry.state == Entry.State.NEW && inserting.add(entry.entity)) {
                inserts.add(entry);
            }
        }
    }

    private List<Object> reached(Entry entry) {
        if (entry.model.references().isEmpty() && entry.model.sets().isEmpty()) {
            return List.of();
        }
        List<Object> reached = new ArrayList<>();
        for (PropertyModel reference : entry.model.references()) {
            Object target = reference.get(entry.entity);
            if (target != null) {
                reached.add(target);
            }
        }
        for (PropertyModel set : entry.model.sets()) {
            Object value = set.get(entry.entity);
            if (value instanceof UnloadedSet<?> unloaded) {
                reached.addAll(unloaded.added());
            } else if (value instanceof Collection<?> members) {
                reached.addAll(members);
            }
        }
        return reached;
    }

    private void planSets(Entry entry) {
        for (PropertyModel set : entry.model.sets()) {
            Relation relation = set.relation();
            if (relation == null) {
                continue;
            }
            Object value = set.get(entry.entity);
            List<Object> added;
            List<Object> removed;
            boolean unsure = false;
            if (value instanceof UnloadedSet<?> unloaded) {
                if (!unloaded.hasChanges()) {
                    continue;
                }
                added = new ArrayList<>(unloaded.added());
                removed = new ArrayList<>(unloaded.removed());
                unsure = true;
                setChanges.add(new SetChange(entry, set, unloaded, null));
            } else if (value instanceof Collection<?> members) {
                List<Object> before = entry.members(set);
                if (before == null && entry.state != Entry.State.NEW) {
                    // a set the user assigned to a loaded object without loading the old one: its
                    // members are added, none is known to be removed
                    unsure = true;
                }
                added = minus(members, before);
                removed = before == null ? List.of() : minus(before, members);
                List<Object> now = new ArrayList<>(members);
                if (!added.isEmpty() || !removed.isEmpty() || before == null) {
                    setChanges.add(new SetChange(entry, set, null, now));
                }
            } else {
                continue;
            }
            if (relation.isManyToMany()) {
                for (Object member : added) {
                    links.add(new LinkChange(entry.entity, set, member, true, unsure));
                }
                for (Object member : removed) {
                    links.add(new LinkChange(entry.entity, set, member, false, false));
                }
            } else {
                PropertyModel reverse = relation.reverse();
                for (Object member : added) {
                    if (reverse.get(member) != entry.entity) {
                        reverse.set(member, entry.entity);
                    }
                }
                for (Object member : removed) {
                    Object owner = reverse.get(member);
                    if (owner == entry.entity || (owner != null && !entry.model.hasNoId(entry.entity)
                            && entry.model.idOf(entry.entity).equals(entry.model.idOf(owner)))) {
                        if (!reverse.nullable()) {
                            if (!set.cascadeDelete()) {
                                throw new IllegalStateException(member + " was removed from " + set + ", but " + reverse
                                        + " is required (not @Nullable), so it cannot be unlinked. Delete it "
                                        + "(db.adeleteInstance), give it another " + entry.model.name() + " (set "
                                        + reverse + "), annotate " + set + " with @CascadeDelete to delete the members "
                                        + "removed from it, or make " + reverse + " @Nullable");
                            }
                            delete(member);
                            continue;
                        }
                        reverse.set(member, null);
                    }
                }
            }
        }
    }

    private void delete(Object member) {
        Entry entry = session.entry(member);
        if (entry == null) {
            return;
        }
        if (entry.state == Entry.State.NEW) {
            session.forget(member);
            inserting.add(member);
        } else if (deleting.add(member)) {
            deletes.add(entry);
        }
    }

    private static List<Object> minus(Collection<?> from, Collection<?> without) {
        if (without == null || without.isEmpty()) {
            return new ArrayList<>(from);
        }
        Set<Object> exclude = Collections.newSetFromMap(new IdentityHashMap<>());
        exclude.addAll(without);
        List<Object> rest = new ArrayList<>();
        for (Object element : from) {
            if (!exclude.contains(element)) {
                rest.add(element);
            }
        }
        return rest;
    }

    private String names(EntityModel<?> model, List<Integer> columns) {
        List<PropertyModel> tracked = runtime.trackedColumns(model);
        List<String> names = new ArrayList<>();
        for (int index : columns) {
            names.add(tracked.get(index).name());
        }
        return String.join(", ", names);
    }

    // ---- INSERT ----

    private Mono<Void> insertAll() {
        if (inserts.isEmpty()) {
            return Mono.empty();
        }
        List<Object> news = new ArrayList<>(inserts.size());
        for (Entry entry : inserts) {
            news.add(entry.entity);
        }
        return Flux.fromIterable(InsertPlan.of(runtime.mapping(), news))
                .concatMap(group -> runtime.persister(group.model()).insert(session.connection(), group.entities(),
                        group.withKey()))
                .then();
    }

    // ---- UPDATE ----

    private Mono<Void> updateAll() {
        // consecutive changes of one entity go together, so that those with the same SQL share round trips
        List<List<Entry>> runs = new ArrayList<>();
        List<List<EntityPersister.Change>> changes = new ArrayList<>();
        for (Entry entry : updates) {
            EntityPersister.Change change = Snapshot.change(runtime.trackedColumns(entry.model), entry);
            if (change == null) {
                continue;
            }
            if (runs.isEmpty() || runs.get(runs.size() - 1).get(0).model != entry.model) {
                runs.add(new ArrayList<>());
                changes.add(new ArrayList<>());
            }
            runs.get(runs.size() - 1).add(entry);
            changes.get(changes.size() - 1).add(change);
        }
        return Flux.range(0, runs.size()).concatMap(r -> runtime.persister(runs.get(r).get(0).model)
                .updateAll(session.connection(), changes.get(r))
                .then(Mono.fromRunnable(() -> updated.addAll(runs.get(r))))).then();
    }

    // ---- DELETE (members removed from a @CascadeDelete set) ----

    private Mono<Void> deleteAll() {
        return Flux.fromIterable(deletes).concatMap(entry -> runtime.persister(entry.model)
                .delete(session.connection(), entry.entity, entry.state == Entry.State.LOADED)).then();
    }

    // ---- hooks ----

    /**
     * The hooks of the flush in PonyORM's order, the order objects were created or changed: a new
     * object when it was added, a changed one when its change was first seen (at a later
     * {@code add}); changes seen only now come after every added object, in the order the objects
     * were read. Only objects whose entity has hooks have one: a flush of entities without hooks
     * sorts nothing.
     */
    private List<Hook> hooks() {
        List<Hook> hooks = new ArrayList<>();
        synchronized (session) {
            for (Entry entry : inserts) {
                if (entry.model.hasHooks()) {
                    hooks.add(new Hook(entry, Write.INSERT, entry.order, 0));
                }
            }
            for (Entry entry : updates) {
                if (entry.model.hasHooks()) {
                    hooks.add(entry.changed != 0 ? new Hook(entry, Write.UPDATE, entry.changed, 0)
                            : new Hook(entry, Write.UPDATE, Long.MAX_VALUE, entry.order));
                }
            }
            for (Entry entry : deletes) {
                if (entry.model.hasHooks()) {
                    hooks.add(new Hook(entry, Write.DELETE, Long.MAX_VALUE, entry.order));
                }
            }
        }
        hooks.sort(java.util.Comparator.comparingLong(Hook::when).thenComparingLong(Hook::then));
        return hooks;
    }

    private void requireWritable() {
        if (!session.options().isReadOnly()) {
            return;
        }
        String what;
        if (!inserts.isEmpty()) {
            what = "the INSERT of new " + describe(inserts.get(0));
        } else if (!updates.isEmpty()) {
            Entry entry = updates.get(0);
            what = "the UPDATE of " + describe(entry) + " (changed: " + names(entry.model,
                    Snapshot.changed(runtime.trackedColumns(entry.model), entry.snapshot, entry.entity)) + ")";
        } else if (!deletes.isEmpty()) {
            what = "the DELETE of " + describe(deletes.get(0));
        } else {
            what = "the change of " + (setChanges.isEmpty() ? "a set" : setChanges.get(0).set() + " of "
                    + describe(setChanges.get(0).entry()));
        }
        session.requireWritable(() -> what, "a flush");
    }

    private static String describe(Entry entry) {
        return entry.model.name() + "[" + (entry.model.hasNoId(entry.entity) ? "new" : entry.model.idOf(entry.entity)) + "]";
    }

    // ---- end ----

    private void succeeded(List<Hook> hooks) {
        for (Entry entry : inserts) {
            session.written(entry.entity);
        }
        for (Entry entry : updated) {
            session.written(entry.entity);
        }
        for (Entry entry : deletes) {
            session.forget(entry.entity);
        }
        for (SetChange change : setChanges) {
            if (change.unloaded() != null) {
                change.unloaded().clearChanges();
            } else {
                session.setLoaded(change.entry().entity, change.set(), change.members());
            }
        }
        if (hooks.isEmpty()) {
            return;
        }
        Set<Object> written = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Entry entry : updated) {
            written.add(entry.entity);
        }
        for (Hook hook : hooks) {
            if (hook.write() != Write.UPDATE || written.contains(hook.entry().entity)) {
                hook.write().after(hook.entry().entity, hook.entry().model);
            }
        }
    }

    private Mono<Void> failed(Throwable error) {
        for (Entry entry : inserts) {
            if (entry.model.generatedKey()) {
                entry.model.id().set(entry.entity, entry.model.id().fieldType().isPrimitive()
                        ? (entry.model.id().valueType() == Long.class ? (Object) 0L : (Object) 0) : null);
            }
        }
        return session.rollback().onErrorResume(rollbackError -> {
            error.addSuppressed(rollbackError);
            return Mono.empty();
        }).then(Mono.error(error));
    }

    private record Hook(Entry entry, Write write, long when, long then) {
    }

    private record SetChange(Entry entry, PropertyModel set, UnloadedSet<?> unloaded, List<Object> members) {
    }
}
