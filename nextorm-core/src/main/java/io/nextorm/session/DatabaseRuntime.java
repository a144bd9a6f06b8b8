package io.nextorm.session;

import io.nextorm.EntityHooks;
import io.nextorm.ObjectNotFoundException;
import io.nextorm.OptimisticCheckException;
import io.nextorm.execution.EntityLoader;
import io.nextorm.execution.EntityRowMapper;
import io.nextorm.execution.StatementExecutor;
import io.nextorm.mapping.EntityModel;
import io.nextorm.mapping.Mapping;
import io.nextorm.mapping.PropertyKind;
import io.nextorm.mapping.PropertyModel;
import io.nextorm.query.SelectSpec;
import io.nextorm.sql.EntityStatements;
import io.nextorm.sql.SqlRenderer;
import io.nextorm.sql.SqlStatement;
import io.nextorm.sql.StatementKind;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The working parts of a bound and mapped database: where connections come from (the session's,
 * or a pooled one per call), how queries run and map rows, and how single entities are written.
 * {@code AsyncDatabase} and {@code AsyncQuerySet} are thin layers over it.
 */
public final class DatabaseRuntime {

    private final ConnectionFactory connectionFactory;
    private final Mapping mapping;
    private final SqlRenderer renderer;
    private final StatementExecutor executor;
    private final Map<Class<?>, EntityRowMapper<?>> mappers = new ConcurrentHashMap<>();

    /**
     * Creates the runtime.
     *
     * @param connectionFactory where connections come from
     * @param mapping the entity mapping
     * @param renderer the SQL renderer
     * @param executor the statement executor
     */
    public DatabaseRuntime(ConnectionFactory connectionFactory, Mapping mapping, SqlRenderer renderer,
                           StatementExecutor executor) {
        this.connectionFactory = connectionFactory;
        this.mapping = mapping;
        this.renderer = renderer;
        this.executor = executor;
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
     * Runs work on a connection: the session's, when the subscriber's context has a session of this
     * database, else a new one from the pool that is closed (returned) when the work completes,
     * fails or is cancelled.
     *
     * @param work what to do with the connection
     * @param <T> the element type
     * @return the work's elements
     */
    public <T> Flux<T> withConnection(Function<Connection, ? extends Publisher<T>> work) {
        return Flux.usingWhen(connectionFactory.create(), work, Connection::close);
    }

    /**
     * Whether a subscriber runs inside a transaction of this database (a session).
     *
     * @param context the subscriber's context
     * @return true inside a session
     */
    public boolean inTransaction(ContextView context) {
        return false;
    }

    /**
     * Keeps the session's identity map consistent after a bulk UPDATE or DELETE of an entity's
     * table changed rows behind its objects.
     *
     * @param context the subscriber's context
     * @param model the entity whose rows changed
     * @param deleted whether rows were deleted (else updated)
     * @return completion
     */
    public Mono<Void> afterBulkChange(ContextView context, EntityModel<?> model, boolean deleted) {
        return Mono.empty();
    }

    /**
     * Where loaded rows become objects for a subscriber.
     *
     * @param context the subscriber's context
     * @return the loader
     */
    public EntityLoader loader(ContextView context) {
        return NewObjectLoader.INSTANCE;
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
            return withConnection(connection -> executor.query(connection, statement, (row, meta) -> mapper.map(row, loader)));
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
        return Flux.defer(() -> selectEntities((EntityModel<T>) mapping.entity(spec.entity()), renderer.select(spec)));
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
        return withConnection(connection -> executor.query(connection, statement, (row, meta) -> {
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
     * INSERTs one entity, with hooks; a generated key is set on the object.
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
            return write.then(Mono.fromRunnable(() -> after(entity, model, Write.INSERT))).thenReturn(entity);
        });
    }

    /**
     * UPDATEs every loaded column of one entity by key, with hooks; with a {@code @Version} column,
     * checks and increments it.
     *
     * @param entity the entity
     * @param <T> the entity type
     * @return the entity
     */
    public <T> Mono<T> updateAll(T entity) {
        EntityModel<?> model = mapping.entity(entity.getClass());
        EntityStatements statements = renderer.statements(model);
        return Mono.defer(() -> {
            before(entity, model, Write.UPDATE);
            List<PropertyModel> columns = new ArrayList<>();
            for (PropertyModel column : statements.updateColumns()) {
                if (column.kind() == PropertyKind.LAZY) {
                    Object lazy = column.get(entity);
                    if (lazy != null && !((io.nextorm.Lazy<?>) lazy).isLoaded()) {
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
                        throw new OptimisticCheckException(model.name() + "[" + model.idOf(entity) + "] was changed or "
                                + "deleted by another transaction since it was read (version " + oldVersion + ")");
                    }
                    throw new ObjectNotFoundException("There is no " + model.name() + "[" + model.idOf(entity)
                            + "] to update; use ainsert() to insert an object with a key of your choosing");
                }
                if (version != null) {
                    version.set(entity, newVersion);
                }
                after(entity, model, Write.UPDATE);
                return entity;
            });
        });
    }

    /**
     * DELETEs one entity by key, with hooks; with a {@code @Version} column, checks it.
     *
     * @param entity the entity
     * @return completion
     */
    public Mono<Void> delete(Object entity) {
        EntityModel<?> model = mapping.entity(entity.getClass());
        EntityStatements statements = renderer.statements(model);
        return Mono.defer(() -> {
            if (model.hasNoId(entity)) {
                throw new IllegalArgumentException("Cannot delete an unsaved " + model.name() + " (its key "
                        + model.id().name() + " is not set)");
            }
            before(entity, model, Write.DELETE);
            PropertyModel version = model.version();
            String sql = statements.deleteByIdSql();
            List<Object> values = new ArrayList<>(2);
            values.add(model.idOf(entity));
            if (version != null) {
                sql += " AND " + renderer.dialect().identifier(version.column()) + " = "
                        + renderer.dialect().parameterMarker(2);
                values.add(version.get(entity));
            }
            return update(new SqlStatement(sql, values, StatementKind.DELETE, model.name())).map(rows -> {
                if (rows == 0) {
                    if (version != null) {
                        throw new OptimisticCheckException(model.name() + "[" + model.idOf(entity) + "] was changed or "
                                + "deleted by another transaction since it was read");
                    }
                    throw new ObjectNotFoundException("There is no " + model.name() + "[" + model.idOf(entity)
                            + "] to delete");
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

    private static void initVersion(EntityModel<?> model, Object entity) {
        PropertyModel version = model.version();
        if (version != null) {
            Object value = version.get(entity);
            if (value == null || ((Number) value).longValue() == 0) {
                version.set(entity, version.valueType() == Long.class ? (Object) 1L : (Object) 1);
            }
        }
    }

    private static Object increment(Object version) {
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
