package io.nextorm;

import io.nextorm.internal.database.DatabaseState;
import io.nextorm.internal.execution.RowMappers;
import io.nextorm.internal.mapping.PropertyKind;
import io.nextorm.internal.mapping.PropertyModel;
import io.nextorm.internal.query.ExpressionRoots;
import io.nextorm.internal.query.ProjectionSpec;
import io.nextorm.internal.query.SelectSpec;
import io.nextorm.internal.session.DatabaseRuntime;
import io.nextorm.internal.sql.SqlStatement;
import io.nextorm.query.Condition;
import io.nextorm.query.Expression;
import io.nextorm.query.Join;
import io.nextorm.query.JoinType;
import io.nextorm.query.OrderItem;
import io.nextorm.query.PropertyPath;
import io.nextorm.query.Truth;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A projection: values or tuples selected by attributes and expressions instead of entities,
 * PonyORM's {@code select((s.name, s.gpa) for s in Student)}. Immutable like a query set; rows stream
 * with backpressure.
 *
 * <pre>{@code
 * db.select(Student_.name, Student_.gpa).filter(Student_.gpa.gt(3.0)).orderBy(Student_.name.asc()).fetchAll();
 * db.select(Student_.group, Student_.gpa.avg()).groupBy(Student_.group).having(Student_.gpa.avg().gt(3.0));
 * db.select(Student_.name, Group_.name).filter(Student_.group.eqAttribute(Group_.id));   // two entities
 * db.select(Student_.name, Student_.gpa).as(NameAndGpa.class).fetchAll();               // records
 * }</pre>
 *
 * The first entity the select list names is the one selected from; other entities it or the
 * conditions name are joined (relate them with a condition, as in PonyORM).
 *
 * @param <R> the row type: {@link Tuple}, or the record of {@link #as(Class)}
 */
public final class AsyncSelect<R> {

    private final DatabaseState state;
    private final List<Selectable<?>> columns;
    private final ProjectionSpec spec;
    private final BiFunction<RowMappers, List<Object>, R> rowType;

    private AsyncSelect(DatabaseState state, List<Selectable<?>> columns, ProjectionSpec spec,
                        BiFunction<RowMappers, List<Object>, R> rowType) {
        this.state = state;
        this.columns = columns;
        this.spec = spec;
        this.rowType = rowType;
    }

    static AsyncSelect<Tuple> of(DatabaseState state, Selectable<?>... columns) {
        if (columns == null || columns.length == 0 || Arrays.stream(columns).anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("select() needs one or more attributes or expressions, without null");
        }
        List<Expression> expressions = new ArrayList<>();
        Set<Class<?>> roots = new LinkedHashSet<>();
        for (Selectable<?> column : columns) {
            expressions.add(column.expression());
            ExpressionRoots.collect(column.expression(), roots);
        }
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("select() needs at least one attribute of an entity to select from");
        }
        Class<?> root = roots.iterator().next();
        state.mapping().entity(root);
        ProjectionSpec spec = new ProjectionSpec(SelectSpec.of(root), expressions, List.of(), List.of());
        List<Expression> selected = List.copyOf(expressions);
        return new AsyncSelect<>(state, List.of(columns), spec, (mappers, values) -> new Tuple(selected, values));
    }

    private AsyncSelect<R> with(ProjectionSpec newSpec) {
        return new AsyncSelect<>(state, columns, newSpec, rowType);
    }

    private AsyncSelect<R> withRows(SelectSpec rows) {
        return with(new ProjectionSpec(rows, spec.columns(), spec.groupBy(), spec.having()));
    }

    /**
     * Keeps the rows for which all conditions hold.
     *
     * @param conditions the conditions
     * @return the narrowed projection
     * @throws IllegalArgumentException for a null condition
     */
    public AsyncSelect<R> filter(Condition... conditions) {
        return withRows(spec.rows().withWhere(List.of(requireAll(conditions, "filter"))));
    }

    /**
     * Keeps the rows for which a lambda on the selected-from entity holds:
     * {@code db.select(Student_.name).where((Student s) -> s.getGpa() > 3)}.
     *
     * @param predicate the lambda, translated to SQL like {@link AsyncQuerySet#where(Where)}
     * @return the narrowed projection
     * @throws UnsupportedPredicateException when the lambda has no SQL translation
     */
    public AsyncSelect<R> where(Where<?> predicate) {
        if (predicate == null) {
            throw new IllegalArgumentException("where() needs a lambda, got null");
        }
        return withRows(spec.rows().withWhere(List.of(state.translate(predicate, spec.rows().entity()))));
    }

    /**
     * Groups the rows: the select list should hold these and aggregates.
     *
     * @param keys the grouping attributes or expressions
     * @return the grouped projection
     */
    public AsyncSelect<R> groupBy(Selectable<?>... keys) {
        List<Expression> groupBy = new ArrayList<>(spec.groupBy());
        for (Selectable<?> key : requireAll(keys, "groupBy")) {
            groupBy.add(key.expression());
        }
        return with(new ProjectionSpec(spec.rows(), spec.columns(), groupBy, spec.having()));
    }

    /**
     * Keeps the groups for which all conditions hold: {@code having(Student_.gpa.avg().gt(3.0))}.
     *
     * @param conditions conditions on groups (aggregates and grouping keys)
     * @return the narrowed projection
     */
    public AsyncSelect<R> having(Condition... conditions) {
        List<Condition> having = new ArrayList<>(spec.having());
        having.addAll(List.of(requireAll(conditions, "having")));
        return with(new ProjectionSpec(spec.rows(), spec.columns(), spec.groupBy(), having));
    }

    /**
     * Orders the rows, by attributes or any expression ({@code Student_.gpa.times(2).desc()}).
     *
     * @param items ordering keys
     * @return the ordered projection
     */
    public AsyncSelect<R> orderBy(OrderItem... items) {
        return withRows(spec.rows().withOrderBy(List.of(requireAll(items, "orderBy"))));
    }

    /**
     * Only distinct rows (SELECT DISTINCT).
     *
     * @return the projection
     */
    public AsyncSelect<R> distinct() {
        return withRows(spec.rows().withDistinct(true));
    }

    /**
     * At most {@code n} rows.
     *
     * @param n the maximum, not negative
     * @return the projection
     */
    public AsyncSelect<R> limit(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("limit() needs a count >= 0, got " + n);
        }
        return withRows(spec.rows().withLimitOffset(n, spec.rows().offset()));
    }

    /**
     * Skips {@code n} rows.
     *
     * @param n the number of rows to skip, not negative
     * @return the projection
     */
    public AsyncSelect<R> offset(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("offset() needs a count >= 0, got " + n);
        }
        return withRows(spec.rows().withLimitOffset(spec.rows().limit(), n));
    }

    /**
     * The rows mapped onto a record, whose components take the selected values in order.
     *
     * @param recordType a record with one component per selected value
     * @param <X> the record type
     * @return the projection of records
     * @throws IllegalArgumentException for a class that is not a record, or of another number of components
     */
    public <X> AsyncSelect<X> as(Class<X> recordType) {
        if (recordType == null || !recordType.isRecord()) {
            throw new IllegalArgumentException("as() needs a record class, got " + recordType);
        }
        RecordComponent[] components = recordType.getRecordComponents();
        if (components.length != spec.columns().size()) {
            throw new IllegalArgumentException("as(" + recordType.getSimpleName() + ") needs one component per selected "
                    + "value: the record has " + components.length + ", the select list " + spec.columns().size());
        }
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<X> constructor;
        try {
            constructor = recordType.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot use the canonical constructor of " + recordType.getName(), e);
        }
        return new AsyncSelect<>(state, columns, spec, (mappers, values) -> {
            Object[] arguments = new Object[types.length];
            for (int i = 0; i < arguments.length; i++) {
                Object value = values.get(i);
                arguments[i] = value == null ? null : mappers.convert(value, box(types[i]));
            }
            try {
                return constructor.newInstance(arguments);
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                throw new IllegalArgumentException("Cannot make a " + recordType.getSimpleName() + " of " + values
                        + ": " + e, e);
            }
        });
    }

    /**
     * The rows, with backpressure.
     *
     * @return the rows
     */
    public Flux<R> stream() {
        return Flux.defer(() -> {
            DatabaseRuntime rt = state.runtime();
            ProjectionSpec complete = complete();
            SqlStatement statement = rt.renderer().project(complete);
            List<PropertyModel> properties = columnProperties(rt, complete);
            List<Class<?>> types = columnTypes(properties);
            return rt.withConnection(connection -> rt.executor().query(connection, statement,
                    row -> read(rt, row, types, properties)));
        });
    }

    /**
     * All rows.
     *
     * @return the rows
     */
    public Mono<List<R>> fetchAll() {
        return stream().collectList();
    }

    /**
     * The first row, empty when there is none.
     *
     * @return the row
     */
    public Mono<R> fetchOne() {
        // read to the end rather than cancel mid-result, which retires the connection
        return (spec.rows().limit() == null ? limit(1) : this).stream().reduce((first, later) -> first);
    }

    /**
     * The number of rows (of groups, when grouped).
     *
     * @return the count
     */
    public Mono<Long> count() {
        return Mono.defer(() -> {
            DatabaseRuntime rt = state.runtime();
            SqlStatement inner = rt.renderer().project(complete());
            SqlStatement count = new SqlStatement("SELECT COUNT(*) FROM (" + inner.sql() + ") q", inner.parameters(),
                    inner.kind(), inner.entity());
            return rt.queries().selectValue(count, Long.class).defaultIfEmpty(0L);
        });
    }

    /**
     * The SQL that {@link #fetchAll()} sends.
     *
     * @return the SQL text, without values
     */
    public String getSql() {
        return state.runtime().renderer().project(complete()).sql();
    }

    @Override
    public String toString() {
        return "AsyncSelect" + columns;
    }

    /**
     * The spec with a join for each further entity that the expressions name.
     */
    private ProjectionSpec complete() {
        Set<Class<?>> roots = new LinkedHashSet<>();
        spec.columns().forEach(column -> ExpressionRoots.collect(column, roots));
        spec.rows().where().forEach(condition -> ExpressionRoots.collect(condition, roots));
        spec.groupBy().forEach(key -> ExpressionRoots.collect(key, roots));
        spec.having().forEach(condition -> ExpressionRoots.collect(condition, roots));
        spec.rows().orderBy().forEach(item -> ExpressionRoots.collect(item.expression(), roots));
        SelectSpec rows = spec.rows();
        for (Class<?> entity : roots) {
            boolean joined = rows.joins().stream().anyMatch(join -> join.entity() == entity);
            if (entity != rows.entity() && !joined) {
                state.mapping().entity(entity);
                rows = rows.withJoin(new Join(entity, Truth.TRUE, JoinType.INNER, null));
            }
        }
        return new ProjectionSpec(rows, spec.columns(), spec.groupBy(), spec.having());
    }

    private static List<PropertyModel> columnProperties(DatabaseRuntime rt, ProjectionSpec complete) {
        List<PropertyModel> properties = new ArrayList<>();
        for (Expression column : complete.columns()) {
            properties.add(column instanceof PropertyPath path ? rt.renderer().resolve(complete.rows(), path) : null);
        }
        return properties;
    }

    private static List<Class<?>> columnTypes(List<PropertyModel> properties) {
        List<Class<?>> types = new ArrayList<>();
        for (PropertyModel property : properties) {
            types.add(property == null ? null : property.kind() == PropertyKind.REFERENCE
                    ? property.target().id().valueType() : property.columnType());
        }
        return types;
    }

    private R read(DatabaseRuntime rt, Readable row, List<Class<?>> types, List<PropertyModel> properties) {
        List<Object> values = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            Object raw = row.get(i);
            Class<?> type = types.get(i) != null ? types.get(i) : box(columns.get(i).valueType());
            Object value = raw == null ? null : rt.mappers().convert(raw, type);
            PropertyModel property = properties.get(i);
            values.add(property == null || property.kind() == PropertyKind.REFERENCE ? value : property.fromColumn(value));
        }
        return rowType.apply(rt.mappers(), values);
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return java.lang.invoke.MethodType.methodType(type).wrap().returnType();
    }

    private static <X> X[] requireAll(X[] items, String method) {
        if (items == null || Arrays.stream(items).anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException(method + "() got null; pass attributes, expressions or conditions");
        }
        return items;
    }
}
