package io.nextorm.internal.session;

import io.nextorm.internal.execution.EntityLoader;
import io.nextorm.internal.execution.InterruptedConnections;
import io.nextorm.internal.execution.RowMappers;
import io.nextorm.internal.execution.StatementExecutor;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.Mapping;
import io.nextorm.internal.mapping.PropertyModel;
import io.nextorm.internal.sql.SqlRenderer;
import io.nextorm.spi.SessionListener;
import io.nextorm.spi.TransactionHandle;
import io.nextorm.spi.TransactionSupport;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The working parts of a bound and mapped database, and where they meet: where connections come
 * from (the subscriber's session's, or one per call from the {@link TransactionSupport}), where
 * loaded rows become objects, and the per-entity pieces made once (row mappers, persisters). The
 * jobs built on it have their own classes: {@link #sessions()} (session lifecycle),
 * {@link #writer()} (single-entity writes) and {@link #queries()} (query sets, relations, bulk
 * statements).
 */
public final class DatabaseRuntime {

    private final ConnectionFactory connectionFactory;
    private final Mapping mapping;
    private final SqlRenderer renderer;
    private final StatementExecutor executor;
    private final RowMappers mappers;
    private final Map<EntityModel<?>, List<PropertyModel>> tracked = new ConcurrentHashMap<>();
    private final Map<Class<?>, EntityPersister> persisters = new ConcurrentHashMap<>();
    private final WeakIdentitySet stubs = new WeakIdentitySet();
    private final WeakIdentitySet ended = new WeakIdentitySet();
    private final WeakIdentitySet stored = new WeakIdentitySet();
    private final NewObjectLoader newObjects = new NewObjectLoader(stubs, stored);
    private final SessionEvents events = new SessionEvents();
    private final LinkPersister links;
    private final SessionLifecycle sessions;
    private final EntityWriter writer;
    private final QueryRunner queries;
    private volatile TransactionSupport transactions;

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
        this.mappers = new RowMappers(executor);
        this.links = new LinkPersister(renderer.links(), executor);
        this.sessions = new SessionLifecycle(this, events);
        this.writer = new EntityWriter(this);
        this.queries = new QueryRunner(this);
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
     * list is read at each event, so a thread-safe list that the owner keeps adding to reaches
     * listeners added later.
     *
     * @param listeners the listeners
     */
    public void setSessionListeners(List<SessionListener> listeners) {
        events.setListeners(listeners);
    }

    /**
     * Session lifecycle: run work in a session, flush, commit, roll back.
     *
     * @return the sessions of this database
     */
    public SessionLifecycle sessions() {
        return sessions;
    }

    /**
     * Single-entity writes: save, insert, update, delete.
     *
     * @return the writer
     */
    public EntityWriter writer() {
        return writer;
    }

    /**
     * Queries, relation loading and bulk statements.
     *
     * @return the query runner
     */
    public QueryRunner queries() {
        return queries;
    }

    /**
     * The row mappers.
     *
     * @return the mappers, made once per entity
     */
    public RowMappers mappers() {
        return mappers;
    }

    /**
     * The persister of an entity.
     *
     * @param model the entity
     * @return its persister, made once
     */
    EntityPersister persister(EntityModel<?> model) {
        return persisters.computeIfAbsent(model.type(), type -> new EntityPersister(model, renderer.statements(model),
                executor, mappers, this::referenceKey, events));
    }

    /**
     * The writer of many-to-many link rows.
     *
     * @return the link persister
     */
    LinkPersister links() {
        return links;
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
     * The session of this database a subscriber runs in: the one {@code db.session(...)} opened, or
     * else the one bound to a running transaction that the {@link TransactionSupport} lets plain
     * calls join ({@link TransactionSupport#joinRunning}; a Spring transaction in the starter).
     *
     * @param context the subscriber's context
     * @return the session, or null outside one
     */
    Session sessionOf(ContextView context) {
        Session own = ownSessionOf(context);
        if (own != null) {
            return own;
        }
        TransactionHandle running = transactions.joinRunning(connectionFactory, context);
        return running == null ? null : running.bind(this, () -> new Session(this, running));
    }

    /**
     * The session of this database that {@code db.session(...)} opened around a subscriber, not
     * counting a transaction it runs in that someone else began (see {@link #sessionOf}).
     *
     * @param context the subscriber's context
     * @return the session, or null
     */
    Session ownSessionOf(ContextView context) {
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
        return Flux.deferContextual(context -> withConnection(sessionOf(context), work));
    }

    /**
     * {@link #withConnection(Function)} for a session already looked up: its connection, or else one
     * from the {@link TransactionSupport} for this work alone.
     *
     * @param session the subscriber's session, or null outside one
     * @param work what to do with the connection
     * @param <T> the element type
     * @return the work's elements
     */
    <T> Flux<T> withConnection(Session session, Function<Connection, ? extends Publisher<T>> work) {
        return session != null ? Flux.from(work.apply(session.connection()))
                : transactions.withConnection(connectionFactory, work);
    }

    /**
     * {@link #withConnection(Session, Function)} for work of at most one element: inside a session
     * on its connection; outside, with the default {@link TransactionSupport}, on a new pooled
     * connection released when the work ends (one operator instead of a stream's); with another
     * support, through its {@code withConnection}.
     *
     * @param session the subscriber's session, or null outside one
     * @param work what to do with the connection
     * @param <T> the element type
     * @return the work's element, or empty
     */
    <T> Mono<T> withConnectionOne(Session session, Function<Connection, Mono<T>> work) {
        if (session != null) {
            return work.apply(session.connection());
        }
        TransactionSupport support = transactions;
        if (support instanceof ConnectionTransactionSupport) {
            return Mono.usingWhen(connectionFactory.create(), work, InterruptedConnections::release);
        }
        return support.withConnection(connectionFactory, work).singleOrEmpty();
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
     * Where loaded rows become objects, for a session already looked up.
     *
     * @param session the subscriber's session, or null outside one
     * @return the loader
     */
    EntityLoader loader(Session session) {
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
     * Whether an object of a composite key was read or written outside a session, so that
     * {@code asave} of it UPDATEs (a composite key is never unset on a stored object).
     *
     * @param entity the object
     * @param mark true to remember it as stored (after a write)
     * @return whether it was remembered before
     */
    boolean storedComposite(Object entity, boolean mark) {
        boolean known = stored.contains(entity);
        if (mark && !known) {
            stored.add(entity);
        }
        return known;
    }

    /**
     * Remembers an object of a composite key as stored (loaded or written); other objects are left.
     *
     * @param model its entity
     * @param entity the object
     */
    void rememberStored(EntityModel<?> model, Object entity) {
        if (model.key().composite()) {
            storedComposite(entity, true);
        }
    }

    /**
     * Remembers the objects of a session that has ended (strict scope).
     *
     * @param objects its objects
     */
    void sessionEnded(List<Object> objects) {
        ended.addAll(objects);
    }

    /**
     * Refuses a write of, or a load through, an object of a session that has ended, unless the
     * subscriber's session holds it: PonyORM's rule that an object is used only in its db_session.
     *
     * @param session the subscriber's session, or null
     * @param model the object's entity
     * @param entity the object
     * @param what what was asked, for the message
     * @throws IllegalStateException for an object of an ended session
     */
    void requireInScope(Session session, EntityModel<?> model, Object entity, String what) {
        if (ended.contains(entity) && (session == null || session.entry(entity) == null)) {
            throw new IllegalStateException(what + " of " + model.name() + "[" + (model.hasNoId(entity) ? "new"
                    : model.idOf(entity)) + "] after the session it was loaded in ended: load it again in the "
                    + "session that writes it (db.getByKey(" + model.type().getSimpleName() + ".class, key)), "
                    + "or do the work inside the first session");
        }
    }

    /**
     * The columns a session tracks for dirty checking: every column but the key, in the order of
     * {@code EntityStatements.updateColumns()}.
     *
     * @param model the entity
     * @return the columns
     */
    public List<PropertyModel> trackedColumns(EntityModel<?> model) {
        // asked per object loaded and written: a plain get first, no capturing lambda per call
        List<PropertyModel> columns = tracked.get(model);
        return columns != null ? columns : tracked.computeIfAbsent(model, m -> renderer.statements(m).updateColumns());
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
}
