package io.nextorm.internal.database;

import io.nextorm.MultipleObjectsFoundException;
import io.nextorm.ObjectNotFoundException;
import io.nextorm.TransactionException;
import io.nextorm.internal.execution.EntityLoader;
import io.nextorm.internal.execution.LabelledRowMapper;
import io.nextorm.internal.execution.TextTable;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.PropertyKind;
import io.nextorm.internal.mapping.PropertyModel;
import io.nextorm.internal.query.SelectSpec;
import io.nextorm.internal.session.DatabaseRuntime;
import io.nextorm.internal.sql.SqlRenderer;
import io.nextorm.internal.sql.AggregateFunction;
import io.nextorm.internal.sql.SqlStatement;
import io.nextorm.query.Assignment;
import io.nextorm.query.PropertyPath;
import io.nextorm.query.Value;
import io.r2dbc.spi.Row;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The terminal operations of a query set of one entity, given its select spec: queries, counts,
 * aggregates, bulk writes, raw SQL and the text table. Each returns a publisher that does nothing
 * until subscribed; the checks of arguments that need only the mapping happen at once.
 *
 * @param state the database's state
 * @param entityClass the entity queried
 * @param <T> the entity type
 */
public record QueryOperations<T>(DatabaseState state, Class<T> entityClass) {

    /**
     * The objects a spec selects; a locking spec needs a transaction.
     *
     * @param spec the spec
     * @return the objects
     */
    public Flux<T> rows(SelectSpec spec) {
        return checkedLock(spec, false);
    }

    /**
     * The objects a spec selects, as a stream fetched in steps (see {@code QueryRunner.stream}).
     *
     * @param spec the spec
     * @return the objects
     */
    public Flux<T> stream(SelectSpec spec) {
        return checkedLock(spec, true);
    }

    /**
     * The first object a spec selects, or empty: at most one row is asked for (a LIMIT 1 unless the
     * spec has a limit or selects by key, which has one row at most), and read to its end.
     *
     * @param spec the spec
     * @return the object
     */
    public Mono<T> first(SelectSpec spec) {
        return Mono.deferContextual(context -> {
            DatabaseRuntime rt = state.runtime();
            if (spec.lock() != SelectSpec.Lock.NONE && !rt.inTransaction(context)) {
                return Mono.error(lockNeedsTransaction());
            }
            SelectSpec first = spec.limit() != null || rt.queries().keyOf(spec) != null ? spec
                    : spec.withLimitOffset(1L, spec.offset());
            return rt.queries().<T>first(first, context);
        });
    }

    private Flux<T> checkedLock(SelectSpec spec, boolean streaming) {
        return Flux.deferContextual(context -> checkedLock(state.runtime(), spec, context, streaming));
    }

    private Flux<T> checkedLock(DatabaseRuntime rt, SelectSpec spec, ContextView context, boolean streaming) {
        if (spec.lock() != SelectSpec.Lock.NONE && !rt.inTransaction(context)) {
            return Flux.error(lockNeedsTransaction());
        }
        return streaming ? rt.queries().<T>stream(spec) : rt.queries().<T>select(spec, context);
    }

    private static TransactionException lockNeedsTransaction() {
        return new TransactionException("forUpdate() locks rows until the transaction ends, so it "
                + "needs one: run the query inside db.session(s -> ...) or a Spring transaction (@Transactional)");
    }

    /**
     * The number of rows.
     *
     * @param spec the spec
     * @return the count
     */
    public Mono<Long> count(SelectSpec spec) {
        return Mono.defer(() -> {
            DatabaseRuntime rt = state.runtime();
            return rt.queries().selectValue(rt.renderer().count(spec), Long.class).defaultIfEmpty(0L);
        });
    }

    /**
     * Whether a row matches.
     *
     * @param spec the spec
     * @return whether one does
     */
    public Mono<Boolean> exists(SelectSpec spec) {
        return Mono.defer(() -> {
            DatabaseRuntime rt = state.runtime();
            return rt.queries().selectValue(rt.renderer().exists(spec), Integer.class).hasElement();
        });
    }

    /**
     * The one matching object, or empty; an error for two or more.
     *
     * @param spec the spec
     * @return the object
     */
    public Mono<T> get(SelectSpec spec) {
        // one deferral for the identity map's look-up and the SELECT after it
        return Mono.deferContextual(context -> {
            DatabaseRuntime rt = state.runtime();
            Object key = rt.queries().keyOf(spec);
            if (key != null) {
                // one row at most: no LIMIT 2, and none to send when the session holds the object
                Object cached = rt.queries().cached(context, entityClass, key);
                return cached != null ? Mono.just(entityClass.cast(cached)) : rt.queries().<T>first(spec, context);
            }
            return checkedLock(rt, spec.withLimitOffset(2L, spec.offset()), context, false).collectList().flatMap(found -> {
                if (found.size() > 1) {
                    return Mono.error(new MultipleObjectsFoundException("More than one " + entityClass.getSimpleName()
                            + " matches " + sql(spec) + ": narrow the query, or use fetchOne() for the first"));
                }
                return Mono.justOrEmpty(found.isEmpty() ? null : found.get(0));
            });
        });
    }

    /**
     * The one matching object, which must exist.
     *
     * @param spec the spec
     * @return the object
     */
    public Mono<T> getOrRaise(SelectSpec spec) {
        return get(spec).switchIfEmpty(Mono.error(() -> new ObjectNotFoundException("No " + entityClass.getSimpleName()
                + " matches " + sql(spec))));
    }

    /**
     * A path named by a dotted property name.
     *
     * @param method the API method, for the message
     * @param attribute the name
     * @return the path
     */
    public PropertyPath namedPath(String method, String attribute) {
        if (attribute == null || attribute.isBlank()) {
            throw new IllegalArgumentException(method + "() needs a property name, got "
                    + (attribute == null ? "null" : "blank text"));
        }
        return new PropertyPath(entityClass, null, List.of(attribute.split("\\.", -1)));
    }

    /**
     * An aggregate of a property: SUM, AVG, MIN or MAX.
     *
     * @param spec the spec
     * @param function the SQL function
     * @param path the property
     * @param type the result type, or null for the property's
     * @param <V> the result type
     * @return the value, empty when no row matches
     */
    @SuppressWarnings("unchecked")
    public <V> Mono<V> aggregate(SelectSpec spec, AggregateFunction function, PropertyPath path, Class<V> type) {
        return Mono.defer(() -> {
            DatabaseRuntime rt = state.runtime();
            PropertyModel property = rt.renderer().resolve(spec, path);
            Class<?> propertyType = property.kind() == PropertyKind.REFERENCE ? property.target().id().valueType()
                    : property.valueType();
            Class<?> valueType = type != null ? type : propertyType;
            if (function.needsNumbers() && (property.kind() == PropertyKind.REFERENCE
                    || !Number.class.isAssignableFrom(propertyType))) {
                throw new IllegalArgumentException(function.method() + "() needs a numeric property; "
                        + property + " is a " + property.valueType().getSimpleName());
            }
            if (type == null && property.kind() != PropertyKind.REFERENCE && property.converter() != null) {
                // min/max of a converted column: read as the column's type, then converted for the field
                return (Mono<V>) rt.queries().selectValue(rt.renderer().aggregate(spec, function, path), property.columnType())
                        .map(property::fromColumn);
            }
            return (Mono<V>) rt.queries().selectValue(rt.renderer().aggregate(spec, function, path), valueType);
        });
    }

    /**
     * A property's non-NULL values joined into one string.
     *
     * @param spec the spec
     * @param path the property
     * @param separator between two values
     * @return the joined values
     */
    public Mono<String> stringAggregate(SelectSpec spec, PropertyPath path, String separator) {
        return Mono.defer(() -> {
            DatabaseRuntime rt = state.runtime();
            rt.renderer().resolve(spec, path);
            return rt.queries().selectValue(rt.renderer().stringAggregate(spec, path, separator), String.class);
        });
    }

    /**
     * Checks a property name and value map of a bulk update and turns it into assignments.
     *
     * @param values property name to value
     * @return the assignments
     */
    public List<Assignment> assignments(Map<String, ?> values) {
        EntityModel<T> model = state.mapping().entity(entityClass);
        List<Assignment> assignments = new ArrayList<>(values.size());
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            if (entry.getKey() == null) {
                throw new IllegalArgumentException("update() got a null property name; the properties of "
                        + model.name() + " are " + model.properties().stream().map(PropertyModel::name).toList());
            }
            PropertyModel property = assignable(model, entry.getKey());
            assignments.add(new Assignment(PropertyPath.of(entityClass, property.name()),
                    new Value(assignedValue(property, entry.getValue()))));
        }
        return assignments;
    }

    /**
     * Checks typed assignments of a bulk update: own properties, each once, no key, no set.
     *
     * @param assignments the assignments
     * @return them, as a list
     */
    public List<Assignment> checked(List<Assignment> assignments) {
        EntityModel<T> model = state.mapping().entity(entityClass);
        Set<String> assigned = new HashSet<>();
        for (Assignment assignment : assignments) {
            PropertyPath target = assignment.target();
            if (target.root() != entityClass || target.alias() != null) {
                throw new IllegalArgumentException("update() of " + model.name() + " can only set its own properties, not "
                        + target);
            }
            assignable(model, target.leaf());
            if (!assigned.add(target.leaf())) {
                throw new IllegalArgumentException("update() assigns " + target + " twice");
            }
        }
        return List.copyOf(assignments);
    }

    private static PropertyModel assignable(EntityModel<?> model, String name) {
        PropertyModel property = model.property(name);
        if (property.kind() == PropertyKind.SET) {
            throw new IllegalArgumentException(property + " is a Set relation, which has no column to update");
        }
        if (property.keyPart()) {
            throw new IllegalArgumentException(property + " is " + (property.kind() == PropertyKind.ID ? "the primary key"
                    : "a part of the primary key") + ", which a bulk update does not change");
        }
        return property;
    }

    private Object assignedValue(PropertyModel property, Object value) {
        if (value == null) {
            return null;
        }
        if (property.kind() == PropertyKind.REFERENCE) {
            if (!property.valueType().isInstance(value)) {
                throw new IllegalArgumentException(property + " takes a " + property.valueType().getSimpleName()
                        + " (or null), got a " + value.getClass().getName());
            }
            if (property.target().hasNoId(value)) {
                throw new IllegalArgumentException(property + " is set to an unsaved " + property.target().name()
                        + " (its key is not set): save it first");
            }
            return value;
        }
        Class<?> type = property.valueType();
        if (type.isInstance(value)) {
            return value;
        }
        if (value instanceof Number number && Number.class.isAssignableFrom(type)) {
            try {
                // the dialect's conversion, the one reads use: exact for integers
                return state.dialect().fromDatabase(number, type);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(property + " takes a " + type.getSimpleName() + "; " + number
                        + " does not fit", e);
            }
        }
        throw new IllegalArgumentException(property + " takes a " + type.getSimpleName() + ", got a "
                + value.getClass().getName());
    }

    /**
     * A bulk DELETE (no assignments) or UPDATE of the rows a spec selects, telling the session.
     *
     * @param spec the spec
     * @param assignments what to set; null to delete
     * @return the rows changed
     */
    public Mono<Long> bulkWrite(SelectSpec spec, List<Assignment> assignments) {
        boolean deleting = assignments == null;
        return Mono.deferContextual(context -> {
            DatabaseRuntime rt = state.runtime();
            EntityModel<T> model = rt.mapping().entity(entityClass);
            SqlStatement statement = deleting ? rt.renderer().delete(spec) : rt.renderer().update(spec, assignments);
            return rt.queries().beforeBulkChange(context, model).then(rt.queries().update(statement))
                    .flatMap(rows -> rt.queries().afterBulkChange(context, model, deleting).thenReturn(rows));
        });
    }

    /**
     * Writes the selected objects as a text table.
     *
     * @param spec the spec
     * @param width the maximum line length
     * @param out where to write
     * @return completion
     */
    public Mono<Void> show(SelectSpec spec, int width, Appendable out) {
        return rows(spec).collectList().flatMap(objects -> Mono.fromRunnable(() -> {
            String table = TextTable.render(state.mapping().entity(entityClass), objects, width);
            try {
                out.append(table);
                if (out instanceof Flushable flushable) {
                    flushable.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    /**
     * Objects of hand-written SQL, mapped by column label, through the session.
     *
     * @param sql the SQL with {@code ?} markers
     * @param params the values; null for none
     * @return the objects
     */
    public Flux<T> rawRows(String sql, List<?> params) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("raw() needs SQL, got " + (sql == null ? "null" : "blank text"));
        }
        List<Object> args = params == null ? List.of() : new ArrayList<>(params);
        return Flux.deferContextual(context -> {
            DatabaseRuntime rt = state.runtime();
            EntityModel<T> model = rt.mapping().entity(entityClass);
            SqlStatement parsed = SqlRenderer.raw(rt.renderer().dialect(), sql, args);
            SqlStatement statement = new SqlStatement(parsed.sql(), parsed.parameters(), parsed.kind(), model.name());
            EntityLoader loader = rt.loader(context);
            LabelledRowMapper<T> mapper = new LabelledRowMapper<>(model, rt.renderer().dialect());
            return rt.queries().autoflush().thenMany(rt.withConnection(connection -> rt.executor().query(connection, statement,
                    row -> mapper.map((Row) row, ((Row) row).getMetadata(), loader))));
        });
    }

    /**
     * The SELECT a spec sends (markers, no values).
     *
     * @param spec the spec
     * @return the SQL text
     */
    public String sql(SelectSpec spec) {
        return state.runtime().renderer().select(spec).sql();
    }
}
