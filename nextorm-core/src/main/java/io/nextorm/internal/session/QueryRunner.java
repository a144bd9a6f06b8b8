package io.nextorm.internal.session;

import io.nextorm.Lazy;
import io.nextorm.internal.execution.EntityLoader;
import io.nextorm.internal.execution.EntityRowMapper;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.PropertyKind;
import io.nextorm.internal.mapping.PropertyModel;
import io.nextorm.query.PropertyPath;
import io.nextorm.internal.query.SelectSpec;
import io.nextorm.internal.sql.SqlStatement;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the statements of query sets and loads what they leave out: selects mapped to objects
 * through the subscriber's identity map (with prefetch), single values, bulk statements (which
 * keep the session consistent), sets and lazy fields of one object.
 */
public final class QueryRunner {

    private final DatabaseRuntime runtime;
    private final RelationLoader relations;

    QueryRunner(DatabaseRuntime runtime) {
        this.runtime = runtime;
        this.relations = new RelationLoader(runtime);
    }

    /**
     * The loader of relations, for the session's flush.
     *
     * @return the relation loader
     */
    RelationLoader relations() {
        return relations;
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
        EntityRowMapper<T> mapper = runtime.mappers().of(model);
        return Flux.deferContextual(context -> {
            EntityLoader loader = runtime.loader(context);
            return runtime.withConnection(connection -> runtime.executor().query(connection, statement,
                    row -> mapper.map(row, loader)));
        });
    }

    /** Rows fetched per round trip by {@link #stream(SelectSpec)} (and prefetched per batch). */
    public static final int STREAM_FETCH_SIZE = 1000;

    /**
     * Runs a query set's SELECT as a stream: rows fetched {@value #STREAM_FETCH_SIZE} at a time as
     * the subscriber demands them, mapped one by one; prefetches run per batch of that many objects,
     * so nothing holds the whole result.
     *
     * @param spec the query
     * @param <T> the entity type
     * @return the objects
     */
    @SuppressWarnings("unchecked")
    public <T> Flux<T> stream(SelectSpec spec) {
        return Flux.defer(() -> {
            EntityModel<T> model = (EntityModel<T>) runtime.mapping().entity(spec.entity());
            SqlStatement statement = runtime.renderer().select(spec);
            EntityRowMapper<T> mapper = runtime.mappers().of(model);
            Flux<T> rows = Flux.deferContextual(context -> {
                EntityLoader loader = runtime.loader(context);
                return runtime.withConnection(connection -> runtime.executor().stream(connection, statement,
                        row -> mapper.map(row, loader), STREAM_FETCH_SIZE));
            });
            List<PropertyPath> prefetch = withReverseSides(model, spec.prefetch());
            if (prefetch.isEmpty()) {
                return rows;
            }
            return rows.buffer(STREAM_FETCH_SIZE).concatMap(batch -> relations.prefetch(model, batch, prefetch)
                    .thenMany(Flux.fromIterable(batch)), 1);
        });
    }

    /**
     * Runs a query set's SELECT, then its prefetches.
     *
     * @param spec the query
     * @param <T> the entity type
     * @return the objects
     */
    public <T> Flux<T> select(SelectSpec spec) {
        return Flux.deferContextual(context -> select(spec, context));
    }

    /**
     * Runs a query set's SELECT, then its prefetches, for a subscriber whose context is at hand:
     * the caller defers to subscription, and the whole query reads the session once, with no
     * deferral of its own (autoflush first inside a session, then the rendering, which may need
     * the keys the flush gave).
     *
     * @param spec the query
     * @param context the subscriber's context
     * @param <T> the entity type
     * @return the objects
     */
    public <T> Flux<T> select(SelectSpec spec, ContextView context) {
        Session session = runtime.sessionOf(context);
        if (session == null) {
            return rows(spec, null);
        }
        return session.flush().thenMany(Flux.defer(() -> rows(spec, session)));
    }

    /**
     * The first object of a query set's SELECT, as {@link #select(SelectSpec, ContextView)} would
     * give it first: the rows are read to the end (a result cut off mid-way retires its connection),
     * and a query with nothing to do after the rows (no prefetch, no values to know) runs as a
     * single-valued statement, without the stream's operators.
     *
     * @param spec the query
     * @param context the subscriber's context
     * @param <T> the entity type
     * @return the first object, or empty
     */
    public <T> Mono<T> first(SelectSpec spec, ContextView context) {
        Session session = runtime.sessionOf(context);
        if (session == null) {
            return firstRow(spec, null);
        }
        return session.flush().then(Mono.defer(() -> firstRow(spec, session)));
    }

    @SuppressWarnings("unchecked")
    private <T> Mono<T> firstRow(SelectSpec spec, Session session) {
        EntityModel<T> model = (EntityModel<T>) runtime.mapping().entity(spec.entity());
        if (!withReverseSides(model, spec.prefetch()).isEmpty() || !KnownValues.lazyValues(model, spec).isEmpty()) {
            return this.<T>rows(spec, session).reduce((first, later) -> first);
        }
        SqlStatement statement = runtime.renderer().select(spec);
        EntityRowMapper<T> mapper = runtime.mappers().of(model);
        EntityLoader loader = runtime.loader(session);
        return runtime.withConnectionOne(session, connection -> runtime.executor().query(connection, statement,
                row -> mapper.map(row, loader)).reduce((first, later) -> first));
    }

    @SuppressWarnings("unchecked")
    private <T> Flux<T> rows(SelectSpec spec, Session session) {
        EntityModel<T> model = (EntityModel<T>) runtime.mapping().entity(spec.entity());
        SqlStatement statement = runtime.renderer().select(spec);
        EntityRowMapper<T> mapper = runtime.mappers().of(model);
        EntityLoader loader = runtime.loader(session);
        Flux<T> rows = runtime.withConnection(session, connection -> runtime.executor().query(connection, statement,
                row -> mapper.map(row, loader)));
        Map<PropertyModel, Object> lazyValues = KnownValues.lazyValues(model, spec);
        if (!lazyValues.isEmpty()) {
            rows = rows.doOnNext(entity -> knowLazyValues(session, entity, lazyValues));
        }
        List<PropertyPath> prefetch = withReverseSides(model, spec.prefetch());
        if (prefetch.isEmpty()) {
            return rows;
        }
        return rows.collectList().flatMapMany(found -> relations.prefetch(model, found, prefetch)
                .thenMany(Flux.fromIterable(found)));
    }

    /**
     * The paths to prefetch: those asked for, and the reverse sides of the entity's one-to-ones, which
     * are always loaded with the objects (one more SELECT per query, as PonyORM does), so that a null
     * there means "none" rather than "not loaded".
     */
    private static List<PropertyPath> withReverseSides(EntityModel<?> model, List<PropertyPath> asked) {
        List<PropertyPath> paths = null;
        for (PropertyModel property : model.properties()) {
            if (property.kind() == PropertyKind.REVERSE_REFERENCE
                    && asked.stream().noneMatch(p -> p.names().get(0).equals(property.name()))) {
                if (paths == null) {
                    paths = new ArrayList<>(asked);
                }
                paths.add(PropertyPath.of(model.type(), property.name()));
            }
        }
        return paths == null ? asked : paths;
    }

    /**
     * Autoflush, as PonyORM's: inside a session, the new and changed objects are written before a
     * query, so that it sees them. Nothing outside a session, nothing when nothing changed.
     *
     * @return completion
     */
    public Mono<Void> autoflush() {
        return Mono.deferContextual(context -> {
            Session session = runtime.sessionOf(context);
            return session == null ? Mono.<Void>empty() : session.flush();
        });
    }

    /**
     * The key a query selects when it selects by key only ({@code key == value}, nothing else that
     * could widen or cut its result): such a query has one row at most, so it needs no LIMIT to stop
     * at one or two, and a session may hold its object already.
     *
     * @param spec the query
     * @return the key, or null for any other query
     */
    public Object keyOf(SelectSpec spec) {
        return KnownValues.key(runtime.mapping().entity(spec.entity()), spec);
    }

    /**
     * The object of a key when the subscriber's session holds it loaded: a lookup in the identity
     * map with no SQL.
     *
     * @param context the subscriber's context
     * @param entity the entity
     * @param key the key, from {@link #keyOf(SelectSpec)}
     * @return the object, or null (outside a session, or not loaded)
     */
    public Object cached(ContextView context, Class<?> entity, Object key) {
        Session session = runtime.sessionOf(context);
        return session == null ? null : session.cached(runtime.mapping().entity(entity), key);
    }

    private static void knowLazyValues(Session session, Object entity, Map<PropertyModel, Object> values) {
        values.forEach((property, value) -> {
            Object current = property.get(entity);
            if (current == null || !((Lazy<?>) current).isLoaded()) {
                property.set(entity, Lazy.of(value));
                if (session != null) {
                    session.lazyLoaded(entity, property, value);
                }
            }
        });
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
        return autoflush().then(runtime.withConnection(connection -> runtime.executor().query(connection, statement, row -> {
                    Object raw = row.get(0);
                    return Optional.ofNullable(raw == null ? null : runtime.mappers().convert(raw, type));
                }))
                .reduce((first, later) -> first)
                .flatMap(value -> Mono.justOrEmpty(value.map(type::cast))));
    }

    /**
     * Runs a statement that changes rows.
     *
     * @param statement the statement
     * @return the number of rows changed
     */
    public Mono<Long> update(SqlStatement statement) {
        return runtime.withConnection(connection -> runtime.executor().update(connection, statement)).next();
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
        Session session = runtime.sessionOf(context);
        if (session != null) {
            session.requireWritable(() -> "rows of " + model.name(), "A bulk update() or delete()");
        }
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
        Session session = runtime.sessionOf(context);
        if (session == null) {
            return Mono.empty();
        }
        return deleted ? relations.dropDeleted(session, model) : relations.refresh(session, model);
    }

    /**
     * Loads a {@code Set<T>} relation of one object with one SELECT and sets it on the object; a set
     * already loaded is returned as it is, with no query. In a session the session is flushed first.
     *
     * @param entity a saved object
     * @param setName the set property's name
     * @param <E> the element type
     * @return the loaded set
     */
    public <E> Mono<Set<E>> loadSet(Object entity, String setName) {
        return autoflush().then(Mono.defer(() -> relations.loadSet(entity, setName)));
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
}
