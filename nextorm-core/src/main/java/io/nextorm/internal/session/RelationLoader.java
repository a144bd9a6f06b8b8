package io.nextorm.internal.session;

import io.nextorm.Lazy;
import io.nextorm.ObjectNotFoundException;
import io.nextorm.internal.execution.EntityLoader;
import io.nextorm.internal.execution.EntityRowMapper;
import io.nextorm.internal.sql.EntityStatements;
import io.nextorm.internal.execution.UnloadedSet;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.PropertyKind;
import io.nextorm.internal.mapping.PropertyModel;
import io.nextorm.internal.mapping.Relation;
import io.nextorm.query.PropertyPath;
import io.nextorm.internal.sql.SqlStatement;
import io.nextorm.internal.sql.StatementKind;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads what queries leave out: references and {@code Set} relations of many objects at once
 * (prefetch: one SELECT per attribute, with an IN list of the owners' keys, split only beyond
 * {@value RelationQueries#IN_LIST_SIZE} keys), one object's set ({@code loadSet}), lazy columns, and the reloads a
 * bulk statement makes necessary. Inside a session every row goes through the identity map; outside
 * one, each query maps every row once, and the loaded objects replace the owners' reference stubs.
 */
final class RelationLoader {

    private final DatabaseRuntime runtime;
    private final RelationQueries queries;

    RelationLoader(DatabaseRuntime runtime) {
        this.runtime = runtime;
        this.queries = new RelationQueries(runtime);
    }

    /**
     * The SELECTs of objects by keys and of set members by their owners' keys.
     *
     * @return the queries
     */
    RelationQueries queries() {
        return queries;
    }

    // ---- prefetch ----

    /**
     * Loads the relations along paths for all owners.
     *
     * @param model the owners' entity
     * @param owners the owners
     * @param paths property paths from the owners' entity (references and sets, possibly nested)
     * @return completion
     */
    Mono<Void> prefetch(EntityModel<?> model, List<?> owners, List<PropertyPath> paths) {
        Map<String, List<List<String>>> byFirst = new LinkedHashMap<>();
        for (PropertyPath path : paths) {
            List<String> names = path.names();
            List<List<String>> rest = byFirst.computeIfAbsent(names.get(0), n -> new ArrayList<>());
            if (names.size() > 1) {
                rest.add(names.subList(1, names.size()));
            }
        }
        return prefetchTree(model, owners, byFirst);
    }

    private Mono<Void> prefetchTree(EntityModel<?> model, List<?> owners, Map<String, List<List<String>>> tree) {
        if (owners.isEmpty()) {
            return Mono.empty();
        }
        return Flux.fromIterable(tree.entrySet()).concatMap(branch -> {
            PropertyModel property = model.property(branch.getKey());
            Mono<List<Object>> targets;
            if (property.kind() == PropertyKind.REFERENCE) {
                targets = loadReferences(property, owners);
            } else if (property.kind() == PropertyKind.SET) {
                targets = loadSets(property, owners);
            } else if (property.kind() == PropertyKind.REVERSE_REFERENCE) {
                targets = OneToOneLoader.load(this, runtime, property, owners);
            } else {
                return Mono.error(new IllegalArgumentException("prefetch() takes references and sets; " + property
                        + " is a column"));
            }
            if (branch.getValue().isEmpty()) {
                return targets.then();
            }
            Map<String, List<List<String>>> next = new LinkedHashMap<>();
            for (List<String> rest : branch.getValue()) {
                next.computeIfAbsent(rest.get(0), n -> new ArrayList<>())
                        .addAll(rest.size() > 1 ? List.of(rest.subList(1, rest.size())) : List.of());
            }
            return targets.flatMap(found -> prefetchTree(property.target(), found, next));
        }).then();
    }

    private Mono<List<Object>> loadReferences(PropertyModel reference, List<?> owners) {
        EntityModel<?> target = reference.target();
        return Mono.deferContextual(context -> {
            Session session = runtime.sessionOf(context);
            Set<Object> ids = new LinkedHashSet<>();
            for (Object owner : owners) {
                Object value = reference.get(owner);
                if (value != null && !target.hasNoId(value) && runtime.isStub(session, value)) {
                    ids.add(target.idOf(value));
                }
            }
            Map<Object, Object> loaded = new HashMap<>();
            EntityLoader loader = loader(session);
            return queries.selectByKeys(target, new ArrayList<>(ids), loader)
                    .doOnNext(entity -> loaded.put(target.idOf(entity), entity))
                    .then(Mono.fromCallable(() -> {
                        Set<Object> distinct = identitySet();
                        List<Object> targets = new ArrayList<>();
                        for (Object owner : owners) {
                            Object value = reference.get(owner);
                            if (value == null) {
                                continue;
                            }
                            Object found = target.hasNoId(value) ? null : loaded.get(target.idOf(value));
                            if (found != null && found != value) {
                                reference.set(owner, found);
                                value = found;
                            }
                            OneToOneLoader.pointBack(session, reference, owner, value);
                            if (distinct.add(value)) {
                                targets.add(value);
                            }
                        }
                        return targets;
                    }));
        });
    }

    private Mono<List<Object>> loadSets(PropertyModel set, List<?> owners) {
        Relation relation = set.relation();
        if (relation == null) {
            return Mono.error(new IllegalArgumentException(set + " has no mapped reverse side (the mapping was "
                    + "generated with validateRelations off), so it cannot be loaded"));
        }
        EntityModel<?> ownerModel = relation.reverse().target();
        EntityModel<?> target = set.target();
        return Mono.deferContextual(context -> {
            Session session = runtime.sessionOf(context);
            Map<Object, List<Object>> ownersByKey = new LinkedHashMap<>();
            Set<Object> distinct = identitySet();
            List<Object> targets = new ArrayList<>();
            for (Object owner : owners) {
                Object value = set.get(owner);
                if (value instanceof Collection<?> members && !(value instanceof UnloadedSet<?>)) {
                    for (Object member : members) {
                        if (distinct.add(member)) {
                            targets.add(member);
                        }
                    }
                } else if (!ownerModel.hasNoId(owner)) {
                    ownersByKey.computeIfAbsent(ownerModel.idOf(owner), k -> new ArrayList<>()).add(owner);
                }
            }
            if (ownersByKey.isEmpty()) {
                return Mono.just(targets);
            }
            Map<Object, List<Object>> membersByKey = new HashMap<>();
            EntityLoader loader = loader(session);
            Flux<RelationQueries.Member> rows = relation.isManyToMany()
                    ? queries.selectJoined(target, relation, new ArrayList<>(ownersByKey.keySet()), ownerModel, loader)
                    : queries.selectByReference(target, relation.reverse(), new ArrayList<>(ownersByKey.keySet()), loader);
            return rows.doOnNext(row -> {
                        List<Object> members = membersByKey.computeIfAbsent(row.ownerKey(), k -> new ArrayList<>());
                        if (!containsIdentical(members, row.entity())) {
                            members.add(row.entity());
                        }
                    })
                    .then(Mono.fromCallable(() -> {
                        for (Map.Entry<Object, List<Object>> byKey : ownersByKey.entrySet()) {
                            List<Object> members = membersByKey.getOrDefault(byKey.getKey(), List.of());
                            for (Object owner : byKey.getValue()) {
                                assign(session, owner, set, members);
                            }
                            for (Object member : members) {
                                if (distinct.add(member)) {
                                    targets.add(member);
                                }
                            }
                        }
                        return targets;
                    }));
        });
    }

    private void assign(Session session, Object owner, PropertyModel set, List<Object> members) {
        Object value = set.get(owner);
        Set<Object> loaded = new LinkedHashSet<>(members);
        if (value instanceof UnloadedSet<?> unloaded) {
            loaded.addAll(unloaded.added());
            Set<Object> removed = identitySet();
            removed.addAll(unloaded.removed());
            loaded.removeIf(removed::contains);
        }
        set.set(owner, loaded);
        if (session != null) {
            session.setLoaded(owner, set, members);
        } else if (!set.relation().isManyToMany()) {
            PropertyModel reverse = set.relation().reverse();
            for (Object member : members) {
                Object back = reverse.get(member);
                if (back != null && back != owner && runtime.isStub(null, back)) {
                    reverse.set(member, owner);
                }
            }
        }
    }

    /**
     * Loads one object's set, or returns it when it is loaded.
     *
     * @param entity the owner
     * @param setName the set property
     * @param <E> the element type
     * @return the set
     */
    @SuppressWarnings("unchecked")
    <E> Mono<Set<E>> loadSet(Object entity, String setName) {
        if (entity == null) {
            throw new IllegalArgumentException("loadSet() needs an entity, got null");
        }
        EntityModel<?> model = runtime.mapping().entity(entity.getClass());
        PropertyModel set = model.property(setName);
        if (set.kind() != PropertyKind.SET) {
            throw new IllegalArgumentException(set + " is not a Set relation; loadSet() loads Set<T> fields");
        }
        Object value = set.get(entity);
        if (value instanceof Set<?> loaded && !(value instanceof UnloadedSet<?>)) {
            return Mono.just((Set<E>) loaded);
        }
        if (model.hasNoId(entity)) {
            throw new IllegalArgumentException("Cannot load " + set + " of an unsaved " + model.name());
        }
        return Mono.deferContextual(context -> {
            runtime.requireInScope(runtime.sessionOf(context), model, entity, "loadSet(" + setName + ")");
            return loadSets(set, List.of(entity)).then(Mono.fromCallable(() -> (Set<E>) set.get(entity)));
        });
    }

    // ---- lazy columns ----

    /**
     * Loads a lazy column of one object, or returns it when it is loaded.
     *
     * @param entity the object
     * @param fieldName the lazy property
     * @param <V> the value type
     * @return the value, empty for NULL
     */
    @SuppressWarnings("unchecked")
    <V> Mono<V> loadLazyField(Object entity, String fieldName) {
        if (entity == null) {
            throw new IllegalArgumentException("loadLazyField() needs an entity, got null");
        }
        EntityModel<?> model = runtime.mapping().entity(entity.getClass());
        PropertyModel property = model.property(fieldName);
        if (property.kind() != PropertyKind.LAZY) {
            throw new IllegalArgumentException(property + " is not a Lazy<T> field; read it directly");
        }
        Lazy<V> current = (Lazy<V>) property.get(entity);
        if (current != null && current.isLoaded()) {
            return Mono.justOrEmpty(current.get());
        }
        if (model.hasNoId(entity)) {
            throw new IllegalArgumentException("Cannot load " + property + " of an unsaved " + model.name());
        }
        SqlStatement select = new SqlStatement(runtime.renderer().statements(model).selectColumnByIdSql(property),
                model.key().columnValues(model.idOf(entity)), StatementKind.SELECT, model.name());
        return Mono.deferContextual(context -> {
            runtime.requireInScope(runtime.sessionOf(context), model, entity, "loadLazyField(" + fieldName + ")");
            return runtime.withConnection(connection -> runtime.executor().query(connection, select, row -> Optional.ofNullable(property.fromColumn(runtime.mappers().read(row, 0, property.columnType())))))
                .reduce((first, later) -> first)
                .switchIfEmpty(Mono.error(() -> new ObjectNotFoundException("There is no " + model.name() + "["
                        + model.idOf(entity) + "] to load " + fieldName + " from")))
                .flatMap(value -> {
                    property.set(entity, Lazy.of(value.orElse(null)));
                    Session session = runtime.sessionOf(context);
                    if (session != null) {
                        session.lazyLoaded(entity, property, value.orElse(null));
                    }
                    return Mono.justOrEmpty((Optional<V>) value);
                });
        });
    }

    // ---- after bulk statements ----

    /**
     * Drops the objects of an entity whose rows are gone from the session.
     *
     * @param session the session
     * @param model the entity
     * @return completion
     */
    Mono<Void> dropDeleted(Session session, EntityModel<?> model) {
        List<Entry> stored = session.stored(model);
        if (stored.isEmpty()) {
            return Mono.empty();
        }
        List<Object> keys = new ArrayList<>(stored.size());
        for (Entry entry : stored) {
            keys.add(model.idOf(entry.entity));
        }
        EntityStatements statements = runtime.renderer().statements(model);
        Set<Object> existing = new HashSet<>();
        return RelationQueries.chunks(keys).concatMap(chunk -> runtime.withConnection(connection -> runtime.executor().query(connection,
                        new SqlStatement(statements.selectKeysInSql(chunk.size()), model.key().columnValuesOfAll(chunk),
                                StatementKind.SELECT, model.name()),
                        row -> model.key().read((index, type) -> runtime.mappers().read(row, index, type), 0))))
                .doOnNext(existing::add)
                .then(Mono.fromRunnable(() -> {
                    for (Entry entry : stored) {
                        if (!existing.contains(model.idOf(entry.entity))) {
                            session.forget(entry.entity);
                        }
                    }
                }));
    }

    /**
     * Reloads the loaded objects of an entity in a session from the database.
     *
     * @param session the session
     * @param model the entity
     * @return completion
     */
    Mono<Void> refresh(Session session, EntityModel<?> model) {
        List<Entry> loaded = session.loaded(model);
        if (loaded.isEmpty()) {
            return Mono.empty();
        }
        List<Object> keys = new ArrayList<>(loaded.size());
        for (Entry entry : loaded) {
            keys.add(model.idOf(entry.entity));
        }
        @SuppressWarnings("unchecked")
        EntityRowMapper<Object> mapper = (EntityRowMapper<Object>) runtime.mappers().of(model);
        List<PropertyModel> tracked = runtime.trackedColumns(model);
        Set<Object> seen = new HashSet<>();
        return RelationQueries.chunks(keys).concatMap(chunk -> runtime.withConnection(connection -> runtime.executor().query(connection,
                        new SqlStatement(runtime.renderer().statements(model).selectByKeysSql(chunk.size()),
                                model.key().columnValuesOfAll(chunk), StatementKind.SELECT, model.name()),
                        row -> {
                            synchronized (session) {
                                Object id = mapper.readKey(row);
                                Entry entry = session.lookup(model, id);
                                if (entry != null && entry.state == Entry.State.LOADED) {
                                    mapper.refill(entry.entity, row, session.loader());
                                    entry.snapshot = Snapshot.take(tracked, entry.entity);
                                }
                                return id;
                            }
                        })))
                .doOnNext(seen::add)
                .then(Mono.fromRunnable(() -> {
                    for (Entry entry : loaded) {
                        if (!seen.contains(model.idOf(entry.entity))) {
                            session.forget(entry.entity);
                        }
                    }
                    StaleSets.unloadOneToManyOver(runtime.mapping(), session, model);
                }));
    }

    EntityLoader loader(Session session) {
        return session != null ? session.loader() : new OnceLoader(runtime.loader(reactor.util.context.Context.empty()));
    }

    private static boolean containsIdentical(List<Object> list, Object element) {
        for (Object item : list) {
            if (item == element) {
                return true;
            }
        }
        return false;
    }

    private static Set<Object> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }
}
