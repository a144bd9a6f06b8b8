package io.nextorm.internal.session;

import io.nextorm.spi.TransactionHandle;
import io.nextorm.spi.TransactionScoped;

import io.nextorm.DbSession;
import io.nextorm.SessionOptions;
import io.nextorm.internal.execution.EntityLoader;
import io.nextorm.internal.execution.UnloadedSet;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.PropertyModel;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A running session: its transaction and its identity map (objects by key and by identity, with
 * their snapshots, and the new objects waiting for the next flush). All mutable state is guarded by
 * this object's monitor, because Reactor may deliver a session's signals on different threads and a
 * user may run queries of one session in parallel.
 */
final class Session implements DbSession, TransactionScoped {

    private final DatabaseRuntime runtime;
    private final TransactionHandle transaction;
    private final SessionOptions options;
    private final Map<EntityModel<?>, Map<Object, Entry>> byKey = new HashMap<>();
    private final Map<Object, Entry> byObject = new IdentityHashMap<>();
    private final LinkedHashSet<Entry> pending = new LinkedHashSet<>();
    /** The loaded objects with no change seen yet: looked at when an object is added, to order hooks. */
    private final LinkedHashSet<Entry> unchanged = new LinkedHashSet<>();
    private final EntityLoader loader = new IdentityMapLoader();
    private long entered;

    private Mono<Void> flushing;

    Session(DatabaseRuntime runtime, TransactionHandle transaction) {
        this(runtime, transaction, SessionOptions.defaults());
    }

    Session(DatabaseRuntime runtime, TransactionHandle transaction, SessionOptions options) {
        this.runtime = runtime;
        this.transaction = transaction;
        this.options = options;
    }

    @Override
    public <T> T add(T entity) {
        if (entity == null) {
            throw new IllegalArgumentException("add() needs an entity, got null");
        }
        EntityModel<?> model = runtime.mapping().entity(entity.getClass());
        synchronized (this) {
            Entry entry = byObject.get(entity);
            if (entry != null) {
                return entity;
            }
            requireWritable(() -> model.name() + " " + entity, "add()");
            runtime.requireInScope(this, model, entity, "add()");
            noteChanges();
            EntityWriter.requireKeyParts(model, entity, "add()");
            if (!model.key().composite() && model.hasNoId(entity) && !model.generatedKey()) {
                throw new IllegalArgumentException("add() got a " + model.name() + " without a key: set " + model.id()
                        + " first (only Long/Integer keys are generated)");
            }
            addNew(model, entity);
        }
        return entity;
    }

    @Override
    public synchronized boolean contains(Object entity) {
        return entity != null && byObject.containsKey(entity);
    }

    DatabaseRuntime runtime() {
        return runtime;
    }

    TransactionHandle transaction() {
        return transaction;
    }

    /**
     * The connection statements of this session are sent on.
     *
     * @return the transaction's connection
     */
    Connection connection() {
        return transaction.connection();
    }

    /**
     * The loader that returns this session's objects.
     *
     * @return the identity-map loader
     */
    EntityLoader loader() {
        return loader;
    }

    /**
     * Writes the new and changed objects. Flushes of one session run one after the other (a query
     * run in parallel with another autoflushes too), so no object is written twice.
     *
     * @return completion
     */
    Mono<Void> flush() {
        return Mono.defer(() -> {
            Sinks.Empty<Void> done = Sinks.empty();
            Mono<Void> previous;
            Mono<Void> mine = done.asMono();
            synchronized (this) {
                previous = flushing;
                flushing = mine;
            }
            Mono<Void> after = previous == null ? Mono.empty() : previous.onErrorResume(error -> Mono.empty());
            return after.then(Mono.defer(() -> new Flush(this).run()))
                    .doFinally(signal -> {
                        synchronized (this) {
                            if (flushing == mine) {
                                flushing = null;
                            }
                        }
                        done.tryEmitEmpty();
                    });
        });
    }

    /**
     * The options the session runs with.
     *
     * @return the options
     */
    SessionOptions options() {
        return options;
    }

    /**
     * Refuses a write in a read-only session.
     *
     * @param object what would be written, for the message: built only when the write is refused (an
     *               object's {@code toString()} is the user's code, and no cost of a write that is allowed)
     * @param what the write
     * @throws IllegalStateException in a read-only session
     */
    void requireWritable(Supplier<String> object, String what) {
        if (options.isReadOnly()) {
            throw new IllegalStateException(what + " of " + object.get() + " in a read-only session "
                    + "(SessionOptions.readOnly()): run the write in a session without readOnly()");
        }
    }

    /**
     * Ends the session: its objects are remembered as belonging to an ended session (writing them
     * or loading through them is refused from then on) and the identity map is cleared.
     */
    void end() {
        List<Object> objects;
        synchronized (this) {
            objects = new ArrayList<>(byObject.keySet());
            clear();
        }
        runtime.sessionEnded(objects);
    }

    /**
     * A loaded or new object by key, with no SQL.
     *
     * @param model the entity
     * @param id the key
     * @return the object, or null when the session holds no loaded one (a stub is not loaded)
     */
    synchronized Object cached(EntityModel<?> model, Object id) {
        Entry entry = lookup(model, id);
        return entry == null || entry.state == Entry.State.STUB ? null : entry.entity;
    }

    /**
     * Flushes, commits, and goes on in a new transaction.
     *
     * @return completion
     */
    Mono<Void> commit() {
        return flush().then(Mono.defer(transaction::commit));
    }

    /**
     * Rolls back, clears the identity map, and goes on in a new transaction.
     *
     * @return completion
     */
    Mono<Void> rollback() {
        return Mono.<Void>fromRunnable(this::clear).then(Mono.defer(transaction::rollback));
    }

    /**
     * Flushes before the transaction this session is bound to commits; also when the session's work
     * has ended and the transaction's owner commits it. The flush runs with this session in its
     * Reactor Context, as it would inside the work.
     *
     * @return completion
     */
    @Override
    public Mono<Void> beforeCommit() {
        return flush().contextWrite(context -> context.put(runtime, this));
    }

    /**
     * Clears the identity map once the transaction this session is bound to has ended.
     *
     * @param committed whether it committed
     */
    @Override
    public void afterCompletion(boolean committed) {
        end();
    }

    /**
     * Forgets every object (after a rollback).
     */
    synchronized void clear() {
        byKey.clear();
        byObject.clear();
        pending.clear();
        unchanged.clear();
    }

    // ---- identity map, for the session's collaborators (all under the lock) ----

    synchronized Entry entry(Object entity) {
        return byObject.get(entity);
    }

    synchronized Entry lookup(EntityModel<?> model, Object id) {
        Map<Object, Entry> entries = byKey.get(model);
        return entries == null ? null : entries.get(id);
    }

    synchronized boolean isStub(Object entity) {
        Entry entry = byObject.get(entity);
        return entry != null && entry.state == Entry.State.STUB;
    }

    synchronized Entry addNew(EntityModel<?> model, Object entity) {
        Entry entry = register(model, model.hasNoId(entity) ? null : model.idOf(entity), entity, Entry.State.NEW);
        pending.add(entry);
        return entry;
    }

    /** A new entry, found by its object and, when it has one, by its key. */
    private Entry register(EntityModel<?> model, Object id, Object entity, Entry.State state) {
        Entry entry = new Entry(model, entity, state, ++entered);
        byObject.put(entity, entry);
        if (id != null) {
            byKey.computeIfAbsent(model, m -> new HashMap<>()).put(id, entry);
        }
        return entry;
    }

    /**
     * Notes, before an object is added, which loaded objects were changed since the last look, so
     * that their hooks run before the added object's (PonyORM runs hooks in the order objects were
     * created or changed). Each object is looked at until a change is seen.
     */
    private void noteChanges() {
        if (unchanged.isEmpty()) {
            return;
        }
        long now = ++entered;
        for (java.util.Iterator<Entry> it = unchanged.iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (!Snapshot.changed(runtime.trackedColumns(entry.model), entry.snapshot, entry.entity).isEmpty()) {
                entry.changed = now;
                it.remove();
            }
        }
    }

    synchronized List<Entry> pending() {
        return new ArrayList<>(pending);
    }

    synchronized List<Entry> entries() {
        return new ArrayList<>(byObject.values());
    }

    /**
     * Records an object as written with its present values: after an INSERT or UPDATE.
     *
     * @param entity the object
     */
    synchronized void written(Object entity) {
        EntityModel<?> model = runtime.mapping().entity(entity.getClass());
        Entry entry = byObject.get(entity);
        if (entry == null) {
            entry = new Entry(model, entity, Entry.State.LOADED, ++entered);
            byObject.put(entity, entry);
        }
        pending.remove(entry);
        entry.state = Entry.State.LOADED;
        entry.snapshot = Snapshot.take(runtime.trackedColumns(model), entity);
        entry.changed = 0;
        unchanged.add(entry);
        byKey.computeIfAbsent(model, m -> new HashMap<>()).put(model.idOf(entity), entry);
        runtime.rememberStored(model, entity);
        for (PropertyModel set : model.sets()) {
            Object value = set.get(entity);
            if (value instanceof java.util.Collection<?> members && !(value instanceof UnloadedSet<?>)) {
                entry.setMembers(set, new ArrayList<>(members));
            }
        }
    }

    /**
     * Forgets an object (deleted, or gone from the database).
     *
     * @param entity the object
     */
    synchronized void forget(Object entity) {
        Entry entry = byObject.remove(entity);
        if (entry != null) {
            pending.remove(entry);
            unchanged.remove(entry);
            Map<Object, Entry> entries = byKey.get(entry.model);
            if (entries != null && !entry.model.hasNoId(entity)) {
                entries.remove(entry.model.idOf(entity), entry);
            }
        }
    }

    /**
     * Records a lazy column's loaded value as read.
     *
     * @param entity the object
     * @param lazy the lazy property
     * @param value the value read
     */
    synchronized void lazyLoaded(Object entity, PropertyModel lazy, Object value) {
        Entry entry = byObject.get(entity);
        if (entry != null && entry.state != Entry.State.NEW) {
            // a stub's snapshot too: the value read is not a change of it
            int index = runtime.trackedColumns(entry.model).indexOf(lazy);
            entry.snapshot[index] = value;
        }
    }

    /**
     * Records the members of a set as read.
     *
     * @param owner the object owning the set
     * @param set the set property
     * @param members the members read
     */
    synchronized void setLoaded(Object owner, PropertyModel set, List<Object> members) {
        Entry entry = byObject.get(owner);
        if (entry != null) {
            entry.setMembers(set, new ArrayList<>(members));
        }
    }

    /**
     * The loaded (not stub, not new) objects of an entity.
     *
     * @param model the entity
     * @return the entries
     */
    synchronized List<Entry> loaded(EntityModel<?> model) {
        return entriesOf(model, Entry.State.LOADED, true);
    }

    /**
     * The stored (loaded or stub) objects of an entity.
     *
     * @param model the entity
     * @return the entries
     */
    synchronized List<Entry> stored(EntityModel<?> model) {
        return entriesOf(model, Entry.State.NEW, false);
    }

    /** The entries of an entity in a state ({@code in}) or in any other ({@code !in}). */
    private List<Entry> entriesOf(EntityModel<?> model, Entry.State state, boolean in) {
        Map<Object, Entry> entries = byKey.get(model);
        List<Entry> found = new ArrayList<>();
        if (entries != null) {
            for (Entry entry : entries.values()) {
                if ((entry.state == state) == in) {
                    found.add(entry);
                }
            }
        }
        return found;
    }

    private final class IdentityMapLoader implements EntityLoader {

        @Override
        @SuppressWarnings("unchecked")
        public <T> T load(EntityModel<T> model, Object id, io.r2dbc.spi.Readable row, RowFill<T> fill,
                          EntityLoader references) {
            synchronized (Session.this) {
                Entry entry = lookup(model, id);
                if (entry != null && entry.state != Entry.State.STUB) {
                    return (T) entry.entity;
                }
                T entity = entry == null ? model.newInstance() : (T) entry.entity;
                fill.fill(entity, row, references, id);
                if (entry == null) {
                    entry = register(model, id, entity, Entry.State.LOADED);
                }
                entry.state = Entry.State.LOADED;
                entry.snapshot = Snapshot.take(runtime.trackedColumns(model), entity);
                unchanged.add(entry);
                runtime.rememberStored(model, entity);
                return entity;
            }
        }

        @Override
        public Object reference(EntityModel<?> target, Object id) {
            synchronized (Session.this) {
                Entry entry = lookup(target, id);
                if (entry != null) {
                    return entry.entity;
                }
                Object stub = target.newInstance();
                target.key().assign(stub, id, this::reference);
                register(target, id, stub, Entry.State.STUB).snapshot = Snapshot.take(runtime.trackedColumns(target), stub);
                return stub;
            }
        }
    }

    @Override
    public synchronized String toString() {
        return "DbSession[" + byObject.size() + " objects, " + pending.size() + " new]";
    }
}
