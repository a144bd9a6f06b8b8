package io.nextorm.internal.session;

import io.nextorm.Lazy;
import io.nextorm.ObjectNotFoundException;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.PropertyKind;
import io.nextorm.internal.mapping.PropertyModel;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes single entities at once ({@code asave}, {@code ainsert}, {@code adeleteInstance}), with
 * their hooks, through the entity's {@link EntityPersister}: on the session's connection inside a
 * session (the object then joins or leaves its identity map), else on a connection for the call.
 */
public final class EntityWriter {

    private final DatabaseRuntime runtime;

    EntityWriter(DatabaseRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Saves one entity: INSERT when its key is null, else UPDATE. Inside a session a loaded object
     * writes only its changed columns, with the optimistic check (nothing when unchanged).
     *
     * @param entity the entity
     * @param <T> the entity type
     * @return the entity
     * @throws IllegalStateException (in the Mono) for a reference that was never loaded (a stub)
     */
    public <T> Mono<T> save(T entity) {
        EntityModel<?> model = runtime.mapping().entity(entity.getClass());
        return Mono.deferContextual(context -> {
            Session session = runtime.sessionOf(context);
            requireWritable(session, model, entity, "asave()");
            if (session != null) {
                Entry entry = session.entry(entity);
                if (entry != null && entry.state == Entry.State.STUB) {
                    // a reference known by key: its row is read, the changes kept, and they are written
                    return new FlushReads(runtime).reloadKeeping(session, List.of(entry))
                            .then(Mono.defer(() -> entry.state == Entry.State.LOADED ? new Flush(session, entry).run()
                                    : Mono.error(new ObjectNotFoundException("There is no " + model.name() + "["
                                    + model.idOf(entity) + "] to save"))))
                            .thenReturn(entity);
                }
            }
            requireNotStub(session, model, entity);
            if (session != null) {
                Entry entry = session.entry(entity);
                if (entry != null && entry.state == Entry.State.LOADED) {
                    return new Flush(session, entry).run().thenReturn(entity);
                }
                if (entry != null && entry.state == Entry.State.NEW) {
                    return insert(entity);
                }
            }
            // a composite key is never generated: an object not loaded in this session is new (PonyORM's rule)
            return model.hasNoId(entity) || (model.key().composite() && !runtime.storedComposite(entity, false))
                    ? insert(entity) : updateAll(entity);
        });
    }

    /**
     * INSERTs one entity, with hooks; a generated key is set on the object. Inside a session it
     * joins the identity map.
     *
     * @param entity the entity
     * @param <T> the entity type
     * @return the entity
     * @throws IllegalArgumentException (in the Mono) when the key is not set and not generated
     */
    public <T> Mono<T> insert(T entity) {
        EntityModel<?> model = runtime.mapping().entity(entity.getClass());
        return Mono.deferContextual(context -> {
            requireWritable(runtime.sessionOf(context), model, entity, "ainsert()");
            Write.INSERT.before(entity, model);
            requireCompleteKey(model, entity);
            boolean generate = model.generatedKey() && model.hasNoId(entity);
            if (!generate && model.hasNoId(entity)) {
                throw new IllegalArgumentException("The key " + model.id() + " is not set: set it before inserting "
                        + "(only Long/Integer keys are generated)");
            }
            return runtime.withConnection(connection -> runtime.persister(model).insert(connection, List.of(entity),
                            !generate))
                    .then(written(entity, model, Write.INSERT));
        });
    }

    /**
     * UPDATEs every loaded column of one entity by key, with hooks; with a {@code @Version} column,
     * checks and increments it. A required field holding null leaves its column as it is (as an
     * INSERT leaves it to its DEFAULT). Inside a session the object joins the identity map.
     *
     * @param entity the entity
     * @param <T> the entity type
     * @return the entity
     * @throws IllegalStateException (in the Mono) for a reference that was never loaded (a stub)
     */
    public <T> Mono<T> updateAll(T entity) {
        EntityModel<?> model = runtime.mapping().entity(entity.getClass());
        return Mono.deferContextual(context -> {
            requireWritable(runtime.sessionOf(context), model, entity, "asave()");
            requireNotStub(runtime.sessionOf(context), model, entity);
            Write.UPDATE.before(entity, model);
            List<PropertyModel> columns = new ArrayList<>();
            List<PropertyModel> leftAsTheyAre = new ArrayList<>();
            for (PropertyModel column : runtime.renderer().statements(model).updateColumns()) {
                Object value = column.get(entity);
                if (column.kind() == PropertyKind.LAZY && value != null && !((Lazy<?>) value).isLoaded()) {
                    continue;
                }
                (EntityPersister.leftToDatabase(column, value) ? leftAsTheyAre : columns).add(column);
            }
            PropertyModel version = model.version();
            if (columns.isEmpty() && version == null) {
                // nothing else to set: the NULLs go, and the database names the required column
                columns.addAll(leftAsTheyAre);
            }
            EntityPersister.Change change = new EntityPersister.Change(entity, columns, List.of(), List.of(),
                    version == null ? null : version.get(entity), false);
            return runtime.withConnection(connection -> runtime.persister(model).update(connection, change))
                    .then(written(entity, model, Write.UPDATE));
        });
    }

    /**
     * DELETEs one entity by key, with hooks; with a {@code @Version} column, checks it. Inside a
     * session the object leaves the identity map; a new object the session has not inserted yet is
     * only unscheduled (no SQL).
     *
     * @param entity the entity
     * @return completion
     * @throws IllegalArgumentException (in the Mono) for an object without a key
     */
    public Mono<Void> delete(Object entity) {
        EntityModel<?> model = runtime.mapping().entity(entity.getClass());
        return Mono.deferContextual(context -> {
            Session session = runtime.sessionOf(context);
            requireWritable(session, model, entity, "adeleteInstance()");
            if (session != null) {
                Entry entry = session.entry(entity);
                if (entry != null && entry.state == Entry.State.NEW) {
                    session.forget(entity);
                    return Mono.<Void>empty();
                }
            }
            if (model.hasNoId(entity)) {
                throw new IllegalArgumentException("Cannot delete an unsaved " + model.name() + " (its key "
                        + (model.key().composite() ? model.key().missingPart(entity) : model.id()).name() + " is not set)");
            }
            Write.DELETE.before(entity, model);
            boolean checkVersion = !runtime.isStub(session, entity);
            return runtime.withConnection(connection -> runtime.persister(model).delete(connection, entity, checkVersion))
                    .then(Mono.fromRunnable(() -> {
                        if (session != null) {
                            OneToOneSync.released(session, model, entity);
                            session.forget(entity);
                        }
                        Write.DELETE.after(entity, model);
                    }));
        });
    }

    /**
     * Refuses an object of a composite key with a part unset, naming the part.
     *
     * @param model the entity
     * @param entity the object
     * @throws IllegalArgumentException when a key part is null (or an unsaved reference)
     */
    static void requireCompleteKey(EntityModel<?> model, Object entity) {
        if (model.key().composite()) {
            PropertyModel missing = model.key().missingPart(entity);
            if (missing != null) {
                throw new IllegalArgumentException("The composite key " + model.key().names() + " of " + model.name()
                        + " misses " + missing.name() + ": set every key part before saving (a composite key is never"
                        + " generated" + (missing.kind() == PropertyKind.REFERENCE ? "; a referenced object must be saved"
                        + " first" : "") + ")");
            }
        }
    }

    /**
     * Refuses an object of a composite key with a key field null, naming it (an unsaved referenced
     * object is accepted: the session inserts it first).
     *
     * @param model the entity
     * @param entity the object
     * @param what the operation, for the message
     * @throws IllegalArgumentException when a key field is null
     */
    static void requireKeyParts(EntityModel<?> model, Object entity, String what) {
        if (model.key().composite()) {
            for (PropertyModel part : model.key().parts()) {
                if (part.get(entity) == null) {
                    throw new IllegalArgumentException(what + " got a " + model.name() + " whose composite key "
                            + model.key().names() + " misses " + part.name() + ": set every key part first");
                }
            }
        }
    }

    private <T> Mono<T> written(T entity, EntityModel<?> model, Write write) {
        return Mono.deferContextual(context -> {
            Session session = runtime.sessionOf(context);
            if (session != null) {
                session.written(entity);
            } else if (write != Write.DELETE) {
                runtime.rememberStored(model, entity);
            }
            write.after(entity, model);
            return Mono.just(entity);
        });
    }

    private void requireWritable(Session session, EntityModel<?> model, Object entity, String what) {
        runtime.requireInScope(session, model, entity, what);
        if (session != null) {
            session.requireWritable(() -> model.name() + "[" + (model.hasNoId(entity) ? "new" : model.idOf(entity)) + "]",
                    what);
        }
    }

    private void requireNotStub(Session session, EntityModel<?> model, Object entity) {
        if (runtime.isStub(session, entity)) {
            throw new IllegalStateException(model.name() + "[" + model.idOf(entity) + "] is a reference loaded only by "
                    + "its key; saving it would write its unknown columns as NULL over the row. Load it first "
                    + "(get it by key, or prefetch the reference), then change and save it");
        }
    }
}
