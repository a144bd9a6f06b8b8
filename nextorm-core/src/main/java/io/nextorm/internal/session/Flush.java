package io.nextorm.internal.session;

import io.nextorm.OptimisticCheckException;
import io.nextorm.dialect.Dialect;
import io.nextorm.internal.execution.EntityRowMapper;
import io.nextorm.internal.execution.StatementExecutor;
import io.nextorm.internal.execution.UnloadedSet;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.PropertyKind;
import io.nextorm.internal.mapping.PropertyModel;
import io.nextorm.mapping.Table;
import io.nextorm.internal.sql.EntityStatements;
import io.nextorm.internal.sql.SqlStatement;
import io.nextorm.internal.sql.StatementKind;
import io.nextorm.internal.sql.TypedNull;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One flush of a session, PonyORM's way: the plan is made first (new objects, including the new
 * objects they reach; reverse references of one-to-many sets; changed objects; join rows), then the
 * before-hooks of all of them run, then the writes, then the after-hooks.
 *
 * <p>INSERTs go in waves by foreign-key dependency: an object goes after the new objects it refers
 * to; within a wave, tables in {@code Mapping.creationOrder()} and one multi-row
 * {@code INSERT ... VALUES (...), (...)} per table and {@value #MAX_ROWS} rows (fewer when the
 * parameters would pass {@value #MAX_PARAMETERS}), with the generated keys read back one per row,
 * in order. UPDATEs set the changed columns only and check the values read (or the version).
 * A failing flush rolls the transaction back and clears the identity map, so nothing of it stays.
 */
final class Flush {

    /** Rows per multi-row INSERT. */
    static final int MAX_ROWS = 500;
    /** Bind parameters per statement: PostgreSQL's and MariaDB's limit is 65,535. */
    static final int MAX_PARAMETERS = 65_535;

    private final Session session;
    private final DatabaseRuntime runtime;
    private final StatementExecutor executor;
    private final Dialect dialect;

    private final List<Entry> inserts = new ArrayList<>();
    private final Set<Object> inserting = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Entry> updates = new ArrayList<>();
    private final List<Entry> updated = new ArrayList<>();
    private final List<LinkChange> links = new ArrayList<>();
    private final List<SetChange> setChanges = new ArrayList<>();

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
        this.executor = runtime.executor();
        this.dialect = runtime.renderer().dialect();
    }

    Mono<Void> run() {
        synchronized (session) {
            plan();
        }
        if (inserts.isEmpty() && updates.isEmpty() && links.isEmpty() && setChanges.isEmpty()) {
            return Mono.empty();
        }
        return Mono.defer(() -> {
                    for (Entry entry : inserts) {
                        DatabaseRuntime.before(entry.entity, entry.model, DatabaseRuntime.Write.INSERT);
                        DatabaseRuntime.initVersion(entry.model, entry.entity);
                    }
                    for (Entry entry : updates) {
                        DatabaseRuntime.before(entry.entity, entry.model, DatabaseRuntime.Write.UPDATE);
                    }
                    return insertAll()
                            .then(Mono.defer(this::updateAll))
                            .then(Mono.defer(this::writeLinks));
                })
                .then(Mono.<Void>fromRunnable(this::succeeded))
                .onErrorResume(this::failed);
    }

    // ---- planning (under the session's lock) ----

    private void plan() {
        if (only != null) {
            if (only.state == Entry.State.LOADED
                    && !Snapshot.changed(runtime.trackedColumns(only.model), only.snapshot, only.entity).isEmpty()) {
                updates.add(only);
            }
            return;
        }
        List<Entry> news = session.pending();
        List<Entry> entries = session.entries();
        Set<Object> known = Collections.newSetFromMap(new IdentityHashMap<>());
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
                    if (model.hasNoId(target)) {
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
                List<Integer> changed = Snapshot.changed(runtime.trackedColumns(entry.model), entry.snapshot, entry.entity);
                if (!changed.isEmpty()) {
                    throw new IllegalStateException(entry.model.name() + "[" + entry.model.idOf(entry.entity)
                            + "] was changed (" + names(entry.model, changed) + ") but it is a reference loaded only by "
                            + "its key: load it first (get it, or prefetch the reference) so its other columns are known");
                }
            } else if (entry.state == Entry.State.LOADED) {
                if (!Snapshot.changed(runtime.trackedColumns(entry.model), entry.snapshot, entry.entity).isEmpty()) {
                    updates.add(entry);
                }
            }
        }
        for (Entry entry : news) {
            if (entry.state == Entry.State.NEW && inserting.add(entry.entity)) {
                inserts.add(entry);
            }
        }
    }

    private List<Object> reached(Entry entry) {
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
            PropertyModel.Relation relation = set.relation();
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
                            throw new IllegalStateException(member + " was removed from " + set + ", but " + reverse
                                    + " is not @Nullable: delete it, or give it another " + entry.model.name());
                        }
                        reverse.set(member, null);
                    }
                }
            }
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
        Map<Object, Integer> waves = new IdentityHashMap<>();
        for (Entry entry : inserts) {
            wave(entry.entity, entry.model, waves, Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        Map<Table, Integer> tableOrder = new HashMap<>();
        List<Table> order = runtime.mapping().creationOrder();
        for (int i = 0; i < order.size(); i++) {
            tableOrder.put(order.get(i), i);
        }
        Map<String, Integer> rank = new HashMap<>();
        for (Table table : order) {
            rank.put(table.name(), tableOrder.get(table));
        }
        Map<GroupKey, List<Entry>> groups = new LinkedHashMap<>();
        for (Entry entry : inserts) {
            boolean generate = entry.model.id().generated() && entry.model.hasNoId(entry.entity);
            groups.computeIfAbsent(new GroupKey(waves.get(entry.entity), rank.getOrDefault(entry.model.table(), 0),
                    entry.model, !generate), k -> new ArrayList<>()).add(entry);
        }
        List<Map.Entry<GroupKey, List<Entry>>> sorted = new ArrayList<>(groups.entrySet());
        sorted.sort(Comparator.comparingInt((Map.Entry<GroupKey, List<Entry>> e) -> e.getKey().wave())
                .thenComparingInt(e -> e.getKey().rank()));
        return Flux.fromIterable(sorted)
                .concatMap(group -> insertGroup(group.getKey().model(), group.getKey().withKey(), group.getValue()))
                .then();
    }

    private int wave(Object entity, EntityModel<?> model, Map<Object, Integer> waves, Set<Object> visiting) {
        Integer known = waves.get(entity);
        if (known != null) {
            return known;
        }
        if (!visiting.add(entity)) {
            throw new IllegalStateException("The new objects refer to each other in a cycle through " + model.name()
                    + " (" + entity + "): they cannot be inserted in any order; insert one of them first with the "
                    + "reference left null, then set it");
        }
        int wave = 0;
        for (PropertyModel reference : model.references()) {
            Object target = reference.get(entity);
            if (target != null && inserting.contains(target)) {
                if (target == entity) {
                    throw new IllegalStateException(reference + " of a new " + model.name() + " refers to itself: "
                            + "insert it first, then set the reference");
                }
                wave = Math.max(wave, 1 + wave(target, reference.target(), waves, visiting));
            }
        }
        visiting.remove(entity);
        waves.put(entity, wave);
        return wave;
    }

    private Mono<Void> insertGroup(EntityModel<?> model, boolean withKey, List<Entry> entries) {
        EntityStatements statements = runtime.renderer().statements(model);
        List<PropertyModel> columns = statements.insertColumns(withKey);
        int perStatement = Math.max(1, Math.min(MAX_ROWS, MAX_PARAMETERS / Math.max(1, columns.size())));
        List<List<Entry>> chunks = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += perStatement) {
            chunks.add(entries.subList(from, Math.min(entries.size(), from + perStatement)));
        }
        PropertyModel id = model.id();
        return Flux.fromIterable(chunks).concatMap(chunk -> Mono.defer(() -> {
            List<Object> values = new ArrayList<>(chunk.size() * columns.size());
            for (Entry entry : chunk) {
                values.addAll(EntityStatements.values(entry.entity, columns, runtime::referenceKey));
            }
            SqlStatement insert = new SqlStatement(statements.insertSql(withKey, chunk.size()), values,
                    StatementKind.INSERT, model.name());
            if (withKey) {
                return executor.update(session.connection(), insert).then();
            }
            return executor.insertReturningKeys(session.connection(), insert, id.column(),
                            row -> EntityRowMapper.readValue(dialect, row, 0, id.valueType()))
                    .collectList()
                    .doOnNext(keys -> {
                        if (keys.size() != chunk.size()) {
                            throw new IllegalStateException("The INSERT of " + chunk.size() + " " + model.name()
                                    + " rows returned " + keys.size() + " generated keys");
                        }
                        for (int i = 0; i < keys.size(); i++) {
                            id.set(chunk.get(i).entity, keys.get(i));
                        }
                    })
                    .then();
        })).then();
    }

    // ---- UPDATE ----

    private Mono<Void> updateAll() {
        return Flux.fromIterable(updates).concatMap(this::update).then();
    }

    private Mono<Void> update(Entry entry) {
        EntityModel<?> model = entry.model;
        List<PropertyModel> tracked = runtime.trackedColumns(model);
        List<Integer> changed = Snapshot.changed(tracked, entry.snapshot, entry.entity);
        if (changed.isEmpty()) {
            return Mono.empty();
        }
        PropertyModel version = model.version();
        List<PropertyModel> columns = new ArrayList<>(changed.size() + 1);
        List<Object> values = new ArrayList<>(changed.size() * 2 + 2);
        for (int index : changed) {
            PropertyModel column = tracked.get(index);
            columns.add(column);
            values.add(EntityStatements.value(entry.entity, column, runtime::referenceKey));
        }
        Object id = model.idOf(entry.entity);
        List<PropertyModel> checked = new ArrayList<>();
        List<PropertyModel> nullChecked = new ArrayList<>();
        List<Object> checkValues = new ArrayList<>();
        Object oldVersion = null;
        Object newVersion = null;
        if (version != null) {
            oldVersion = entry.snapshot[tracked.indexOf(version)];
            newVersion = DatabaseRuntime.increment(oldVersion);
            columns.add(version);
            values.add(newVersion);
            checked.add(version);
            checkValues.add(oldVersion == null ? new TypedNull(version.valueType()) : oldVersion);
        } else {
            for (int index : changed) {
                PropertyModel column = tracked.get(index);
                if (!Snapshot.checkable(column)) {
                    continue;
                }
                Object read = entry.snapshot[index];
                if (read == null) {
                    nullChecked.add(column);
                } else {
                    checked.add(column);
                    checkValues.add(read);
                }
            }
        }
        values.add(id);
        values.addAll(checkValues);
        SqlStatement sql = new SqlStatement(runtime.renderer().statements(model).updateSql(columns, checked, nullChecked),
                values, StatementKind.UPDATE, model.name());
        Object expectedVersion = oldVersion;
        Object nextVersion = newVersion;
        return executor.update(session.connection(), sql).flatMap(rows -> {
            if (rows == 0) {
                List<String> names = new ArrayList<>();
                for (PropertyModel column : checked) {
                    names.add(column.name());
                }
                for (PropertyModel column : nullChecked) {
                    names.add(column.name());
                }
                String what = version != null ? "its version is no longer " + expectedVersion
                        : names.isEmpty() ? "the row is gone" : "the values read of " + names + " changed";
                return Mono.error(runtime.optimisticCheckFailed(new OptimisticCheckException(model.name() + "[" + id
                        + "] was changed or deleted by another transaction since this session read it (" + what
                        + "); the update of " + columns.stream().map(PropertyModel::name).toList()
                        + " was not written and the session was rolled back")));
            }
            if (version != null) {
                version.set(entry.entity, nextVersion);
            }
            updated.add(entry);
            return Mono.<Void>empty();
        });
    }

    // ---- join rows ----

    private Mono<Void> writeLinks() {
        if (links.isEmpty()) {
            return Mono.empty();
        }
        Map<Link, Boolean> wanted = new LinkedHashMap<>();
        Set<Link> unsure = new LinkedHashSet<>();
        for (LinkChange change : links) {
            Link link = Link.of(change.owner(), change.set(), change.member());
            wanted.put(link, change.add());
            if (change.add() && change.unsure()) {
                unsure.add(link);
            }
        }
        List<Link> deletes = new ArrayList<>();
        Map<String, List<Link>> inserted = new LinkedHashMap<>();
        for (Map.Entry<Link, Boolean> link : wanted.entrySet()) {
            if (!link.getValue() || unsure.contains(link.getKey())) {
                deletes.add(link.getKey());
            }
            if (link.getValue()) {
                inserted.computeIfAbsent(link.getKey().table(), t -> new ArrayList<>()).add(link.getKey());
            }
        }
        Flux<Long> deleteRows = Flux.fromIterable(deletes).concatMap(link -> executor.update(session.connection(),
                new SqlStatement("DELETE FROM " + dialect.identifier(link.table()) + " WHERE "
                        + dialect.identifier(link.firstColumn()) + " = " + dialect.parameterMarker(1) + " AND "
                        + dialect.identifier(link.secondColumn()) + " = " + dialect.parameterMarker(2),
                        List.of(link.firstKey(), link.secondKey()), StatementKind.DELETE, null)));
        Flux<Long> insertRows = Flux.fromIterable(inserted.values()).concatMap(tableLinks -> {
            List<List<Link>> chunks = new ArrayList<>();
            for (int from = 0; from < tableLinks.size(); from += MAX_ROWS) {
                chunks.add(tableLinks.subList(from, Math.min(tableLinks.size(), from + MAX_ROWS)));
            }
            return Flux.fromIterable(chunks).concatMap(chunk -> {
                Link first = chunk.get(0);
                StringBuilder sql = new StringBuilder("INSERT INTO ").append(dialect.identifier(first.table()))
                        .append(" (").append(dialect.identifier(first.firstColumn())).append(", ")
                        .append(dialect.identifier(first.secondColumn())).append(") VALUES ");
                List<Object> values = new ArrayList<>(chunk.size() * 2);
                for (int i = 0; i < chunk.size(); i++) {
                    sql.append(i == 0 ? "" : ", ").append('(').append(dialect.parameterMarker(2 * i + 1)).append(", ")
                            .append(dialect.parameterMarker(2 * i + 2)).append(')');
                    values.add(chunk.get(i).firstKey());
                    values.add(chunk.get(i).secondKey());
                }
                return executor.update(session.connection(), new SqlStatement(sql.toString(), values,
                        StatementKind.INSERT, null));
            });
        });
        return deleteRows.thenMany(insertRows).then();
    }

    // ---- end ----

    private void succeeded() {
        for (Entry entry : inserts) {
            session.written(entry.entity);
        }
        for (Entry entry : updated) {
            session.written(entry.entity);
        }
        for (SetChange change : setChanges) {
            if (change.unloaded() != null) {
                change.unloaded().clearChanges();
            } else {
                session.setLoaded(change.entry().entity, change.set(), change.members());
            }
        }
        for (Entry entry : inserts) {
            DatabaseRuntime.after(entry.entity, entry.model, DatabaseRuntime.Write.INSERT);
        }
        for (Entry entry : updated) {
            DatabaseRuntime.after(entry.entity, entry.model, DatabaseRuntime.Write.UPDATE);
        }
    }

    private Mono<Void> failed(Throwable error) {
        for (Entry entry : inserts) {
            if (entry.model.id().generated()) {
                entry.model.id().set(entry.entity, entry.model.id().fieldType().isPrimitive()
                        ? (entry.model.id().valueType() == Long.class ? (Object) 0L : (Object) 0) : null);
            }
        }
        return session.rollback().onErrorResume(rollbackError -> {
            error.addSuppressed(rollbackError);
            return Mono.empty();
        }).then(Mono.error(error));
    }

    private record GroupKey(int wave, int rank, EntityModel<?> model, boolean withKey) {
    }

    private record LinkChange(Object owner, PropertyModel set, Object member, boolean add, boolean unsure) {
    }

    private record SetChange(Entry entry, PropertyModel set, UnloadedSet<?> unloaded, List<Object> members) {
    }

    /**
     * One join row, with its columns in a fixed order so that the same link seen from both sides
     * is one link.
     */
    private record Link(String table, String firstColumn, Object firstKey, String secondColumn, Object secondKey) {

        static Link of(Object owner, PropertyModel set, Object member) {
            PropertyModel.Relation relation = set.relation();
            EntityModel<?> ownerModel = relation.reverse().target();
            Object ownerKey = ownerModel.idOf(owner);
            Object memberKey = set.target().idOf(member);
            if (relation.ownColumn().compareTo(relation.otherColumn()) < 0) {
                return new Link(relation.joinTable(), relation.ownColumn(), ownerKey, relation.otherColumn(), memberKey);
            }
            return new Link(relation.joinTable(), relation.otherColumn(), memberKey, relation.ownColumn(), ownerKey);
        }
    }
}
