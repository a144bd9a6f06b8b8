package io.nextorm.internal.session;

import io.nextorm.spi.SessionListener;
import io.nextorm.spi.TransactionSupport;

import io.nextorm.DbSession;
import io.nextorm.EntityHooks;
import io.nextorm.Lazy;
import io.nextorm.ObjectNotFoundException;
import io.nextorm.OptimisticCheckException;
import io.nextorm.internal.execution.EntityLoader;
import io.nextorm.internal.execution.EntityRowMapper;
import io.nextorm.internal.execution.StatementExecutor;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.Mapping;
import io.nextorm.internal.mapping.PropertyKind;
import io.nextorm.internal.mapping.PropertyModel;
import io.nextorm.internal.query.SelectSpec;
import io.nextorm.internal.sql.EntityStatements;
import io.nextorm.internal.sql.SqlRenderer;
import io.nextorm.internal.sql.SqlStatement;
import io.nextorm.internal.sql.StatementKind;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The working parts of a bound and mapped database: where connections come from (the session's,
 * or a pooled one per call), how queries run and map rows, how single entities are written, and
 * sessions: {@link #session(Function)} opens one (a transaction from the {@link TransactionSupport}
 * plus an identity map) and puts it in the Reactor Context under this runtime, so that every call
 * of the same database inside the session's publisher finds it ({@link #withConnection},
 * {@link #loader}, {@link #inTransaction}); two databases never share a session.
 *
 * <p>Bulk statements (query-set {@code update}/{@code delete}) keep the identity map consistent
 * by calling {@link #beforeBulkChange} (flushes the session, so pending changes are written before
 * the bulk statement and never after it) and {@link #afterBulkChange} (drops deleted objects,
 * reloads updated ones).
 */
public final class DatabaseRuntime {

    private final ConnectionFactory connectionFactory;
    private final Mapping mapping;
    private final SqlRenderer renderer;
    private final StatementExecutor executor;
    private final Map<Class<?>, EntityRowMapper<?>> mappers = new ConcurrentHashMap<>();
    private final Map<EntityModel<?>, List<PropertyModel>> tracked = new ConcurrentHashMap<>();
    private final StubRegistry stubs = new StubRegistry();
    private final NewObjectLoader newObjects = new NewObjectLoader(stubs);
    private final RelationLoader relations = new RelationLoader(this);
    private volatile TransactionSupport transactions;
    private volatile List<SessionListener> sessionListeners = List.of();

    /**
     * Creates the runtime, with transactions over plain R2DBC connections.
     *
     * @param connectionFactory where connections come from
     * @param mapping the entity mapping
     * @param renderer the SQL renderer
     * @param executor the statement executor
     */
    public DatabaseRuntime(ConnectionFactory connectionFactory, Mapping mapping, SqlRenderer renderer,
                           StatementExecutor executor) {
        this(connectionFactory, mapping, renderer, executor, ConnectionTransactionSupport.create());
    }

    /**
     * Creates the runtime.
     *
     * @param connectionFactory where connections come from
     * @param mapping the entity mapping
     * @param renderer the SQL renderer
     * @param executor the statement executor
     * @param transactions how sessions get their transactions
     */
    public DatabaseRuntime(ConnectionFactory connectionFactory, Mapping mapping, SqlRenderer renderer,
                           StatementExecutor executor, TransactionSupport transactions) {
        this.connectionFactory = connectionFactory;
        this.mapping = mapping;
        this.renderer = renderer;
        this.executor = executor;
        setTransactionSupport(transactions);
    }

    /**
     * Replaces how sessions get their transactions; sessions already running keep theirs.
     *
     * @param transactionSupport the transaction SPI implementation
     */
    public void setTransactionSupport(TransactionSupport transactionSupport) {
        if (transactionSupport == null) {
            throw new IllegalArgumentException("setTransactionSupport() needs an implementation, got null; "
                    + "ConnectionTransactionSupport.create() is the default");
        }
        this.transactions = transactionSupport;
    }

    /**
     * How sessions get their transactions.
     *
     * @return the transaction SPI implementation
     */
    public TransactionSupport transactionSupport() {
        return transactions;
    }

    /**
     * Sets the listeners told about sessions, commits, rollbacks and optimistic check failures. The
     * list is read at each event, so a thread-safe list that the owner keeps adding to (the
     * database's {@code CopyOnWriteArrayList}) reaches listeners added later.
     *
     * @param listeners the listeners
     */
    public void setSessionListeners(List<SessionListener> listeners) {
        if (listeners == null) {
            throw new IllegalArgumentException("setSessionListeners() needs a list, got null");
        }
        this.sessionListeners = listeners;
    }

    void sessionStarted() {
        for (SessionListener listener : sessionListeners) {
            listener.sessionStarted();
        }
    }

    void committed() {
        for (SessionListener listener : sessionListeners) {
            listener.committed();
        }
    }

    void rolledBack() {
        for (SessionListener listener : sessionListeners) {
            listener.rolledBack();
        }
    }

    /**
     * Tells the listeners about an optimistic check failure, and returns the exception to raise.
     *
     * @param exception the exception
     * @return the same exception
     */
    OptimisticCheckException optimisticCheckFailed(OptimisticCheckException exception) {
        for (SessionListener listener : sessionListeners) {
            listener.optimisticCheckFailed(exception);
        }
        return exception;
    }

    /**
     * The connection factory.
     *
     * @return the factory
     */
    public ConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    /**
     * The mapping.
     *
     * @return the mapping
     */
    public Mapping mapping() {
        return mapping;
    }

    /**
     * The renderer.
     *
     * @return the renderer
     */
    public SqlRenderer renderer() {
        return renderer;
    }

    /**
     * The executor.
     *
     * @return the executor
     */
    public StatementExecutor executor() {
        return executor;
    }

    /**
     * Runs work in a session: a transaction from the {@link TransactionSupport} and a new identity
     * map, carried in the Reactor Context. At the end of the work the session is flushed and
     * committed; on error it is rolled back, its identity map cleared, and the error passed on
     * unchanged; on cancellation it is rolled back. Inside a session of this database the work joins
     * it (no new transaction, no flush at its end).
     *
     * @param work the work, given the session
     * @param <T> the result type
     * @return the last element the work's publisher emits (for a Mono, its value)
     */
    public <T> Mono<T> session(Function<DbSession, ? extends Publisher<T>> work) {
        if (work == null) {
            throw new IllegalArgumentException("session() needs the work to run, got null");
        }
        return Mono.deferContextual(context -> {
            Session joined = sessionOf(context);
            if (joined != null) {
                return Flux.<T>defer(() -> work.apply(joined)).takeLast(1).singleOrEmpty();
            }
            TransactionSupport support = transactions;
            java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
            return support.<Optional<T>>inTransaction(connectionFactory, handle -> {
                        Session session = handle.bind(this, () -> new Session(this, handle));
                        started.set(true);
                        sessionStarted();
                        return Flux.<T>defer(() -> work.apply(session)).takeLast(1).singleOrEmpty()
                                .map(Optional::of)
                                .defaultIfEmpty(Optional.empty())
                                .flatMap(result -> session.flush().thenReturn(result))
                                .doOnError(error -> session.clear())
                                .contextWrite(ctx -> ctx.put(this, session));
                    })
                    .doOnComplete(this::committed)
                    .doOnError(error -> {
                        if (started.get()) {
                            rolledBack();
                        }
                    })
                    .doOnCancel(() -> {
                        if (started.get()) {
                            rolledBack();
                        }
                    })
                    .singleOrEmpty()
                    .flatMap(Mono::justOrEmpty);
        });
    }

    /**
     * The session of this database a subscriber runs in.
     *
     * @param context the subscriber's context
     * @return the session, or null outside one
     */
    Session sessionOf(ContextView context) {
        Object session = context.getOrDefault(this, null);
        return session instanceof Session s ? s : null;
    }

    /**
     * Runs work on a connection: the session's, when the subscriber's context has a session of this
     * database (it stays open), else the one the {@link TransactionSupport} hands out for a single
     * statement ({@link TransactionSupport#withConnection}: by default a new one from the pool that
     * is closed (returned) when the work completes, fails or is cancelled; the Spring starter's, the
     * connection of a running Spring transaction).
     *
     * @param work what to do with the connection
     * @param <T> the element type
     * @return the work's elements
     */
    public <T> Flux<T> withConnection(Function<Connection, ? extends Publisher<T>> work) {
        return Flux.deferContextual(context -> {
            Session session = sessionOf(context);
            if (session != null) {
                return Flux.from(work.apply(session.connection()));
            }
            return transactions.withConnection(connectionFactory, work);
        });
    }

    /**
     * A connection for the caller: inside a session its connection, wrapped so that closing it does
     * nothing (the session closes it); outside, a new pooled one that the caller must close.
     *
     * @return the connection
     */
    public Mono<Connection> connection() {
        return Mono.deferContextual(context -> {
            Session session = sessionOf(context);
            if (session != null) {
                return Mono.just(SessionConnection.wrap(session.connection()));
            }
            return Mono.from(connectionFactory.create());
        });
    }

    /**
     * Whether a subscriber runs inside a transaction of this database (a session).
     *
     * @param context the subscriber's context
     * @return true inside a session
     */
    public boolean inTransaction(ContextView context) {
        return sessionOf(context) != null;
    }

    /**
     * Writes the new and changed objects of the subscriber's session; nothing outside one.
     *
     * @return completion
     */
    public Mono<Void> flush() {
        return Mono.deferContextual(context -> {
            Session session = sessionOf(context);
            return session == null ? Mono.<Void>empty() : session.flush();
        });
    }

    /**
     * Flushes and commits the subscriber's session, which goes on in a new transaction.
     *
     * @return completion
     * @throws io.nextorm.TransactionException (in the Mono) outside a session
     */
    public Mono<Void> commit() {
        return Mono.deferContextual(context -> requireSession(context, "acommit").commit())
                .doOnSuccess(ignored -> committed());
    }

    /**
     * Rolls the subscriber's session back and clears its identity map; the session goes on in a
     * new transaction.
     *
     * @return completion
     * @throws io.nextorm.TransactionException (in the Mono) outside a session
     */
    public Mono<Void> rollback() {
        return Mono.deferContextual(context -> requireSession(context, "arollback").rollback())
                .doOnSuccess(ignored -> rolledBack());
    }

    private Session requireSession(ContextView context, String method) {
        Session session = sessionOf(context);
        if (session == null) {
            throw new io.nextorm.TransactionException(method + "() needs a session: call it inside db.session(s -> ...)");
        }
        return session;
    }

    /**
     * Flushes the subscriber's session before a bulk UPDATE or DELETE of an entity's table, so that
     * changes made before the bulk statement are written before it (never after, over it).
     *
     * @param context the subscriber's context
     * @param model the entity whose rows the bulk statement changes
     * @return completion
     */
    public Mono<Void> beforeBulkChange(ContextView context, EntityModel<?> model) {
        Session session = sessionOf(context);
        return session == null ? Mono.empty() : session.flush();
    }

    /**
     * Keeps the session's identity map consistent after a bulk UPDATE or DELETE of an entity's
     * table changed rows behind its objects. After a DELETE, one SELECT of the keys of the entity's
     * objects in the map finds the rows that are gone, and their objects leave the map (references
     * to them stay as they are). After an UPDATE, the entity's loaded objects are reloaded with one
     * SELECT: their columns and snapshots take the database's values (local changes not flushed
     * before the bulk statement are overwritten: the bulk statement came later), and loaded lazy
     * fields go back to not loaded. Outside a session nothing is held, so nothing is done.
     *
     * @param context the subscriber's context
     * @param model the entity whose rows changed
     * @param deleted whether rows were deleted (else updated)
     * @return completion
     */
    public Mono<Void> afterBulkChange(ContextView context, EntityModel<?> model, boolean deleted) {
        Session session = sessionOf(context);
        if (session == null) {
            return Mono.empty();
        }
        return deleted ? relations.dropDeleted(session, model) : relations.refresh(session, model);
    }

    /**
     * Where loaded rows become objects for a subscriber: its session's identity map, or new objects
     * outside a session.
     *
     * @param context the subscriber's context
     * @return the loader
     */
    public EntityLoader loader(ContextView context) {
        Session session = sessionOf(context);
        return session == null ? newObjects : session.loader();
    }

    /**
     * Whether an object is a reference loaded only by its key (a stub) for a session (null: outside).
     *
     * @param session the session, or null
     * @param entity the object
     * @return true for a stub
     */
    boolean isStub(Session session, Object entity) {
        return (session != null && session.isStub(entity)) || stubs.contains(entity);
    }

    /**
     * The columns a session tracks for dirty checking: every column but the key, in the order of
     * {@code EntityStatements.updateColumns()}.
     *
     * @param model the entity
     * @return the columns
     */
    public List<PropertyModel> trackedColumns(EntityModel<?> model) {
        return tracked.computeIfAbsent(model, m -> renderer.statements(m).updateColumns());
    }

    /**
     * The row mapper of an entity.
     *
     * @param model the entity
     * @param <T> the entity type
     * @return its mapper, made once
     */
    @SuppressWarnings("unchecked")
    public <T> EntityRowMapper<T> mapper(EntityModel<T> model) {
        return (EntityRowMapper<T>) mappers.computeIfAbsent(model.type(),
                type -> new EntityRowMapper<>(model, renderer.dialect()));
    }

    /**
     * Runs a SELECT of an entity's eager columns and maps the rows.
     *
     * @param model the entity
     * @param statement the SELECT
     * @param <T> the entity type
     * @return the objects
     */
    public <T> Flux<T> selectEntities(EntityModel<T> model, SqlStatement statement) {
        EntityRowMapper<T> mapper = mapper(model);
        return Flux.deferContextual(context -> {
            EntityLoader loader = loader(context);
            return withConnection(connection -> executor.query(connection, statement, row -> mapper.map(row, loader)));
        });
    }

    /**
     * Runs a query set's SELECT.
     *
     * @param spec the query
     * @param <T> the entity type
     * @return the objects
     */
    @SuppressWarnings("unchecked")
    public <T> Flux<T> select(SelectSpec spec) {
        return Flux.defer(() -> {
            EntityModel<T> model = (EntityModel<T>) mapping.entity(spec.entity());
            Flux<T> rows = selectEntities(model, renderer.select(spec));
            if (spec.prefetch().isEmpty()) {
                return rows;
            }
            return rows.collectList().flatMapMany(found -> relations.prefetch(model, found, spec.prefetch())
                    .thenMany(Flux.fromIterable(found)));
        });
    }

    /**
     * Loads a {@code Set<T>} relation of one object with one SELECT and sets it on the object; a set
     * already loaded is returned as it is, with no query.
     *
     * @param entity a saved object
     * @param setName the set property's name
     * @param <E> the element type
     * @return the loaded set
     */
    public <E> Mono<Set<E>> loadSet(Object entity, String setName) {
        return Mono.defer(() -> relations.loadSet(entity, setName));
    }

    /**
     * Loads a lazy field with one SELECT and caches it on the object (inside a session, as the value
     * read): a second call sends nothing.
     *
     * @param entity a saved object
     * @param fieldName the lazy property's name
     * @param <V> the value type
     * @return the value; empty for NULL
     */
    public <V> Mono<V> loadLazyField(Object entity, String fieldName) {
        return Mono.defer(() -> relations.loadLazyField(entity, fieldName));
    }

    /**
     * Runs a statement that returns one value (COUNT, SUM, ...).
     *
     * @param statement the statement
     * @param type the value's Java type
     * @param <V> the value type
     * @return the value, empty for NULL or no row
     */
    public <V> Mono<V> selectValue(SqlStatement statement, Class<V> type) {
        return withConnection(connection -> executor.query(connection, statement, row -> {
                    Object raw = row.get(0);
                    return java.util.Optional.ofNullable(raw == null ? null : renderer.dialect().fromDatabase(raw, type));
                }))
                .next()
                .flatMap(value -> Mono.justOrEmpty(value.map(type::cast)));
    }

    /**
     * Runs a statement that changes rows.
     *
     * @param statement the statement
     * @return the number of rows changed
     */
    public Mono<Long> update(SqlStatement statement) {
        return withConnection(connection -> executor.update(connection, statement)).next();
    }

    /**
     * Saves one entity: INSERT when its key is null, else UPDATE. Inside a session the write goes
     * out at once on the session's connection and the object joins the identity map; a loaded
     * object writes only its changed columns, with the optimistic check (nothing when unchanged).
     *
     * @param entity the entity
     * @param <T> the entity type
     * @return the entity
     * @throws IllegalStateException (in the Mono) for a reference that was never loaded (a stub)
     */
    public <T> Mono<T> save(T entity) {
        EntityModel<?> model = mapping.entity(entity.getClass());
        return Mono.deferContextual(context -> {
            Session session = sessionOf(context);
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
            return model.hasNoId(entity) ? insert(entity) : updateAll(entity);
        });
    }

    private void requireNotStub(Session session, EntityModel<?> model, Object entity) {
        if ((session != null && session.isStub(entity)) || stubs.contains(entity)) {
            throw new IllegalStateException(model.name() + "[" + model.idOf(entity) + "] is a reference loaded only by "
                    + "its key; saving it would write its unknown columns as NULL over the row. Load it first "
                    + "(get it by key, or prefetch the reference), then change and save it");
        }
    }

    /**
     * INSERTs one entity, with hooks; a generated key is set on the object. Inside a session it
     * joins the identity map.
     *
     * @param entity the entity
     * @param <T> the entity type
     * @return the entity
     */
    public <T> Mono<T> insert(T entity) {
        EntityModel<?> model = mapping.entity(entity.getClass());
        EntityStatements statements = renderer.statements(model);
        return Mono.defer(() -> {
            before(entity, model, Write.INSERT);
            initVersion(model, entity);
            boolean generate = model.id().generated() && model.hasNoId(entity);
            if (!generate && model.hasNoId(entity)) {
                throw new IllegalArgumentException("The key " + model.id() + " is not set: set it before inserting "
                        + "(only Long/Integer keys are generated)");
            }
            List<PropertyModel> columns = statements.insertColumns(!generate);
            SqlStatement insert = new SqlStatement(statements.insertSql(!generate),
                    EntityStatements.values(entity, columns, this::referenceKey), StatementKind.INSERT, model.name());
            Mono<Void> write;
            if (generate) {
                PropertyModel id = model.id();
                write = withConnection(connection -> executor.insertReturningKeys(connection, insert, id.column(),
                        row -> EntityRowMapper.readValue(renderer.dialect(), row, 0, id.valueType())))
                        .next()
                        .doOnNext(key -> id.set(entity, key))
                        .then();
            } else {
                write = update(insert).then();
            }
            return write.then(registerWritten(entity)).then(Mono.fromRunnable(() -> after(entity, model, Write.INSERT)))
                    .thenReturn(entity);
        });
    }

    private Mono<Void> registerWritten(Object entity) {
        return Mono.deferContextual(context -> {
            Session session = sessionOf(context);
            if (session != null) {
                session.written(entity);
            }
            return Mono.empty();
        });
    }

    /**
     * UPDATEs every loaded column of one entity by key, with hooks; with a {@code @Version} column,
     * checks and increments it. Inside a session the object joins the identity map.
     *
     * @param entity the entity
     * @param <T> the entity type
     * @return the entity
     * @throws IllegalStateException (in the Mono) for a reference that was never loaded (a stub)
     */
    public <T> Mono<T> updateAll(T entity) {
        EntityModel<?> model = mapping.entity(entity.getClass());
        EntityStatements statements = renderer.statements(model);
        return Mono.deferContextual(context -> {
            requireNotStub(sessionOf(context), model, entity);
            before(entity, model, Write.UPDATE);
            List<PropertyModel> columns = new ArrayList<>();
            for (PropertyModel column : statements.updateColumns()) {
                if (column.kind() == PropertyKind.LAZY) {
                    Object lazy = column.get(entity);
                    if (lazy != null && !((Lazy<?>) lazy).isLoaded()) {
                        continue;
                    }
                }
                columns.add(column);
            }
            PropertyModel version = model.version();
            Object oldVersion = version == null ? null : version.get(entity);
            Object newVersion = version == null ? null : increment(oldVersion);
            List<Object> values = new ArrayList<>(columns.size() + 2);
            for (PropertyModel column : columns) {
                values.add(column == version ? newVersion : EntityStatements.value(entity, column, this::referenceKey));
            }
            values.add(model.idOf(entity));
            List<PropertyModel> checked = version == null ? List.of() : List.of(version);
            if (version != null) {
                values.add(oldVersion);
            }
            SqlStatement sql = new SqlStatement(statements.updateSql(columns, checked, List.of()), values,
                    StatementKind.UPDATE, model.name());
            return update(sql).map(rows -> {
                if (rows == 0) {
                    if (version != null) {
                        throw optimisticCheckFailed(new OptimisticCheckException(model.name() + "[" + model.idOf(entity) + "] was changed or "
                                + "deleted by another transaction since it was read (version " + oldVersion + ")"));
                    }
                    throw new ObjectNotFoundException("There is no " + model.name() + "[" + model.idOf(entity)
                            + "] to update; use ainsert() to insert an object with a key of your choosing");
                }
                if (version != null) {
                    version.set(entity, newVersion);
                }
                return entity;
            }).flatMap(saved -> registerWritten(saved).then(Mono.fromRunnable(() -> after(saved, model, Write.UPDATE)))
                    .thenReturn(saved));
        });
    }

    /**
     * DELETEs one entity by key, with hooks; with a {@code @Version} column, checks it. Inside a
     * session the object leaves the identity map; a new object the session has not inserted yet is
     * only unscheduled (no SQL).
     *
     * @param entity the entity
     * @return completion
     */
    public Mono<Void> delete(Object entity) {
        EntityModel<?> model = mapping.entity(entity.getClass());
        EntityStatements statements = renderer.statements(model);
        return Mono.deferContextual(context -> {
            Session session = sessionOf(context);
            if (session != null) {
                Entry entry = session.entry(entity);
                if (entry != null && entry.state == Entry.State.NEW) {
                    session.forget(entity);
                    return Mono.<Void>empty();
                }
            }
            if (model.hasNoId(entity)) {
                throw new IllegalArgumentException("Cannot delete an unsaved " + model.name() + " (its key "
                        + model.id().name() + " is not set)");
            }
            before(entity, model, Write.DELETE);
            PropertyModel version = model.version();
            String sql = statements.deleteByIdSql();
            List<Object> values = new ArrayList<>(2);
            values.add(model.idOf(entity));
            if (version != null && !(session != null && session.isStub(entity)) && !stubs.contains(entity)) {
                sql += " AND " + renderer.dialect().identifier(version.column()) + " = "
                        + renderer.dialect().parameterMarker(2);
                values.add(version.get(entity));
            }
            boolean checked = values.size() > 1;
            return update(new SqlStatement(sql, values, StatementKind.DELETE, model.name())).map(rows -> {
                if (rows == 0) {
                    if (checked) {
                        throw optimisticCheckFailed(new OptimisticCheckException(model.name() + "[" + model.idOf(entity) + "] was changed or "
                                + "deleted by another transaction since it was read"));
                    }
                    throw new ObjectNotFoundException("There is no " + model.name() + "[" + model.idOf(entity)
                            + "] to delete");
                }
                if (session != null) {
                    session.forget(entity);
                }
                after(entity, model, Write.DELETE);
                return rows;
            }).then();
        });
    }

    /**
     * The key of a referenced entity, for its foreign key column.
     *
     * @param reference the reference property
     * @param target the referenced object
     * @return its key
     */
    public Object referenceKey(PropertyModel reference, Object target) {
        EntityModel<?> targetModel = reference.target();
        if (targetModel.hasNoId(target)) {
            throw new IllegalStateException(reference + " refers to an unsaved " + targetModel.name()
                    + ": save it first (or add both to a session, which inserts them in order)");
        }
        return targetModel.idOf(target);
    }

    static void initVersion(EntityModel<?> model, Object entity) {
        PropertyModel version = model.version();
        if (version != null) {
            Object value = version.get(entity);
            if (value == null || ((Number) value).longValue() == 0) {
                version.set(entity, version.valueType() == Long.class ? (Object) 1L : (Object) 1);
            }
        }
    }

    static Object increment(Object version) {
        if (version instanceof Long l) {
            return l + 1;
        }
        if (version instanceof Integer i) {
            return i + 1;
        }
        return 1L;
    }

    /**
     * Calls the before-hook of a write, if the entity has hooks.
     *
     * @param entity the entity
     * @param model its model
     * @param write the write
     */
    public static void before(Object entity, EntityModel<?> model, Write write) {
        if (model.hasHooks()) {
            EntityHooks hooks = (EntityHooks) entity;
            switch (write) {
                case INSERT -> hooks.beforeInsert();
                case UPDATE -> hooks.beforeUpdate();
                case DELETE -> hooks.beforeDelete();
            }
        }
    }

    /**
     * Calls the after-hook of a write, if the entity has hooks.
     *
     * @param entity the entity
     * @param model its model
     * @param write the write
     */
    public static void after(Object entity, EntityModel<?> model, Write write) {
        if (model.hasHooks()) {
            EntityHooks hooks = (EntityHooks) entity;
            switch (write) {
                case INSERT -> hooks.afterInsert();
                case UPDATE -> hooks.afterUpdate();
                case DELETE -> hooks.afterDelete();
            }
        }
    }

    /** The write an entity hook is called around. */
    public enum Write {
        /** An INSERT. */
        INSERT,
        /** An UPDATE. */
        UPDATE,
        /** A DELETE. */
        DELETE
    }
}
