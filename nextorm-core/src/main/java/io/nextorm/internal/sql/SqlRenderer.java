package io.nextorm.internal.sql;

import io.nextorm.dialect.Dialect;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.Mapping;
import io.nextorm.internal.mapping.PropertyModel;
import io.nextorm.query.PropertyPath;
import io.nextorm.internal.query.SelectSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns query trees and entity writes into {@link SqlStatement}s for one dialect. The fixed
 * statements of each entity (insert, update by key, select by key, delete) are rendered once and
 * cached.
 */
public final class SqlRenderer {

    private final Mapping mapping;
    private final Dialect dialect;
    private static final int SHAPE_CACHE_LIMIT = 4_096;
    private static final String UNCACHEABLE = new String("uncacheable");

    private final Map<Class<?>, EntityStatements> entityStatements = new ConcurrentHashMap<>();
    private final Map<ShapeKey, String> selectSql = new ConcurrentHashMap<>();
    private final LinkStatements links;
    private final ProjectionRenderer projections;

    /**
     * Creates a renderer.
     *
     * @param mapping the entity mapping
     * @param dialect the database's dialect
     */
    public SqlRenderer(Mapping mapping, Dialect dialect) {
        this.mapping = mapping;
        this.dialect = dialect;
        this.links = new LinkStatements(dialect);
        this.projections = new ProjectionRenderer(mapping, dialect);
    }

    /**
     * The SELECT of a projection ({@code db.select(...)}): its expressions in order, with GROUP BY and
     * HAVING; the SQL text is cached per shape.
     *
     * @param spec the projection
     * @return the statement
     */
    public SqlStatement project(io.nextorm.internal.query.ProjectionSpec spec) {
        return projections.render(spec);
    }

    /**
     * The dialect.
     *
     * @return the dialect
     */
    public Dialect dialect() {
        return dialect;
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
     * The SELECT of a query set: the entity's eager columns, in {@link EntityModel#eagerColumns()} order.
     * With DISTINCT, ordering expressions that are not columns of the entity follow them in the select
     * list (H2 and PostgreSQL require it; the mapper reads the entity's columns by position), and a
     * random order is applied around the distinct rows.
     *
     * @param spec the query
     * @return the statement
     */
    public SqlStatement select(SelectSpec spec) {
        List<Object> values = new ArrayList<>(4);
        ShapeKey key = ShapeKey.of(spec, values);
        String cached = selectSql.get(key);
        if (cached != null && cached != UNCACHEABLE) {
            for (int i = 0; i < values.size(); i++) {
                values.set(i, BoundValues.bindable(mapping, values.get(i), Object.class));
            }
            return new SqlStatement(cached, values, StatementKind.SELECT, mapping.entity(spec.entity()).name());
        }
        QueryRenderer renderer = new QueryRenderer(mapping, dialect, spec);
        StringBuilder sql = selectRows(renderer, spec, null);
        appendLock(sql, spec);
        SqlStatement statement = statement(sql, renderer, StatementKind.SELECT);
        if (cached == null && selectSql.size() < SHAPE_CACHE_LIMIT) {
            // cache only a shape whose values, taken out in tree order, are exactly what the renderer bound;
            // the key kept wraps the erased tree, so the cache holds no query's values
            List<Object> taken = new ArrayList<>(values.size());
            for (Object value : values) {
                taken.add(BoundValues.bindable(mapping, value, Object.class));
            }
            selectSql.put(key.keptAs(SelectShape.of(spec).key()),
                    taken.equals(statement.parameters()) ? statement.sql() : UNCACHEABLE);
        }
        return statement;
    }

    /**
     * Renders the rows of a query (no lock): SELECT [DISTINCT] columns [, extra] FROM ... ORDER BY ... LIMIT.
     */
    private StringBuilder selectRows(QueryRenderer renderer, SelectSpec spec, String extraColumn) {
        StringBuilder columns = new StringBuilder(renderer.rootColumns());
        if (spec.distinct() && !spec.randomOrder()) {
            List<String> rootColumns = renderer.root().eagerColumns().stream()
                    .flatMap(p -> renderer.rootColumns(p).stream()).toList();
            for (String expression : renderer.orderExpressions()) {
                if (!rootColumns.contains(expression)) {
                    columns.append(", ").append(expression);
                }
            }
        }
        if (extraColumn != null) {
            columns.append(", ").append(extraColumn);
        }
        if (spec.distinct() && spec.randomOrder()) {
            // ORDER BY RANDOM() of a DISTINCT select would need the random value in the select list
            StringBuilder sql = renderer.beginFrom("SELECT q.* FROM (SELECT DISTINCT " + columns);
            sql.append(") q ORDER BY ").append(dialect.randomFunction());
            dialect.appendBoundLimitOffset(sql, spec.limit(), spec.offset(), value -> renderer.marker(value, Long.class));
            return sql;
        }
        StringBuilder sql = renderer.beginFrom((spec.distinct() ? "SELECT DISTINCT " : "SELECT ") + columns);
        renderer.orderBy();
        dialect.appendBoundLimitOffset(sql, spec.limit(), spec.offset(), value -> renderer.marker(value, Long.class));
        return sql;
    }

    /**
     * The COUNT of a query set's rows (respecting DISTINCT, LIMIT and OFFSET).
     *
     * @param spec the query
     * @return the statement; one row, one column
     */
    public SqlStatement count(SelectSpec spec) {
        if (spec.distinct() || spec.limit() != null || spec.offset() != null) {
            SqlStatement inner = select(spec.withLock(SelectSpec.Lock.NONE));
            return new SqlStatement("SELECT COUNT(*) FROM (" + inner.sql() + ") q", inner.parameters(),
                    StatementKind.SELECT, inner.entity());
        }
        QueryRenderer renderer = new QueryRenderer(mapping, dialect, spec);
        StringBuilder sql = renderer.beginFrom("SELECT COUNT(*)");
        return statement(sql, renderer, StatementKind.SELECT);
    }

    /**
     * Whether a query set has a row.
     *
     * @param spec the query
     * @return the statement; a row when one exists
     */
    public SqlStatement exists(SelectSpec spec) {
        if (spec.limit() != null || spec.offset() != null) {
            SqlStatement inner = select(spec.withLock(SelectSpec.Lock.NONE));
            return new SqlStatement("SELECT 1 FROM (" + inner.sql() + ") q LIMIT 1", inner.parameters(),
                    StatementKind.SELECT, inner.entity());
        }
        QueryRenderer renderer = new QueryRenderer(mapping, dialect, spec);
        StringBuilder sql = renderer.beginFrom("SELECT 1");
        dialect.appendLimitOffset(sql, 1L, null);
        return statement(sql, renderer, StatementKind.SELECT);
    }

    /**
     * An aggregate of one property over the rows {@link #select(SelectSpec)} returns: with DISTINCT,
     * LIMIT or OFFSET the aggregate is taken around that SELECT.
     *
     * @param spec the query
     * @param function the aggregate function
     * @param property the aggregated property
     * @return the statement; one row, one column
     */
    public SqlStatement aggregate(SelectSpec spec, AggregateFunction function, PropertyPath property) {
        return aggregate(spec, property, (expression, renderer) -> function.apply(expression));
    }

    /**
     * The concatenation of a property's non-NULL values, in ascending order of the values, with a
     * separator that is bound as a parameter (never written into the SQL text).
     *
     * @param spec the query
     * @param property the concatenated property
     * @param separator the separator
     * @return the statement; one row, one column, NULL when no value
     */
    public SqlStatement stringAggregate(SelectSpec spec, PropertyPath property, String separator) {
        return aggregate(spec, property, (expression, renderer) ->
                dialect.stringAggregate(expression, () -> renderer.marker(separator, String.class)));
    }

    private SqlStatement aggregate(SelectSpec spec, PropertyPath property,
                                   java.util.function.BiFunction<String, QueryRenderer, String> function) {
        SelectSpec rows = spec.withLock(SelectSpec.Lock.NONE);
        QueryRenderer renderer = new QueryRenderer(mapping, dialect, rows, List.of(property));
        QueryRenderer.ResolvedColumn column = renderer.resolve(property);
        String expression = renderer.column(column.alias(), column.column());
        StringBuilder sql;
        if (rows.distinct() || rows.limit() != null || rows.offset() != null) {
            // the aggregate's parameters (a separator) come first in the text, so they are added first
            String outer = "SELECT " + function.apply("q.agg_value", renderer) + " FROM (";
            String inner = expression + " AS agg_value";
            StringBuilder body = selectRows(renderer, rows, inner);
            sql = body.insert(0, outer).append(") q");
        } else {
            String select = "SELECT " + function.apply(expression, renderer);
            sql = renderer.beginFrom(select);
        }
        return statement(sql, renderer, StatementKind.SELECT);
    }

    /**
     * A bulk DELETE of the rows a query set selects, in one statement. Without joins, paging or
     * random order it is {@code DELETE FROM t WHERE ...}; otherwise the rows are chosen by key with
     * {@code WHERE id IN (SELECT id FROM (SELECT ...) x)}, a form every dialect accepts (MariaDB
     * refuses a subquery on the target table unless it is materialized as a derived table).
     *
     * @param spec the query
     * @return the statement
     */
    public SqlStatement delete(SelectSpec spec) {
        EntityModel<?> model = mapping.entity(spec.entity());
        StringBuilder prefix = new StringBuilder("DELETE FROM ").append(dialect.identifier(model.table()));
        return bulk(spec, prefix, List.of(), StatementKind.DELETE);
    }

    /**
     * A bulk UPDATE of the rows a query set selects, in one statement (the same row choice as
     * {@link #delete(SelectSpec)}). Only the assigned columns change: a {@code @Version} column too
     * only when assigned.
     *
     * @param spec the query
     * @param assignments the SET list; properties of the queried entity
     * @return the statement
     */
    public SqlStatement update(SelectSpec spec, List<io.nextorm.query.Assignment> assignments) {
        EntityModel<?> model = mapping.entity(spec.entity());
        QueryRenderer set = new QueryRenderer(mapping, dialect, SelectSpec.of(spec.entity()));
        StringBuilder prefix = new StringBuilder("UPDATE ").append(dialect.identifier(model.table()))
                .append(" SET ").append(set.assignments(assignments));
        return bulk(spec, prefix, set.parameters(), StatementKind.UPDATE);
    }

    private SqlStatement bulk(SelectSpec spec, StringBuilder prefix, List<Object> prefixParameters, StatementKind kind) {
        SelectSpec rows = spec.withLock(SelectSpec.Lock.NONE).withDistinct(false);
        QueryRenderer renderer = new QueryRenderer(mapping, dialect, rows);
        renderer.parameters().addAll(prefixParameters);
        StringBuilder sql;
        if (!renderer.qualified() && rows.limit() == null && rows.offset() == null && !rows.randomOrder()) {
            sql = renderer.continueWhere(prefix);
        } else {
            // a composite key compares as a row value: (k1, k2) IN (SELECT k1, k2 FROM (...) x)
            List<String> keyColumns = renderer.root().key().columns();
            List<String> rootColumns = new ArrayList<>();
            renderer.root().key().parts().forEach(part -> rootColumns.addAll(renderer.rootColumns(part)));
            StringBuilder keys = new StringBuilder();
            StringBuilder selected = new StringBuilder();
            for (int i = 0; i < keyColumns.size(); i++) {
                String key = dialect.identifier(keyColumns.get(i));
                keys.append(keys.length() == 0 ? "" : ", ").append(key);
                selected.append(selected.length() == 0 ? "" : ", ").append(rootColumns.get(i)).append(" AS ").append(key);
            }
            String keyList = keyColumns.size() == 1 ? keys.toString() : "(" + keys + ")";
            prefix.append(" WHERE ").append(keyList).append(" IN (SELECT ").append(keys).append(" FROM (SELECT ")
                    .append(selected);
            sql = renderer.beginFrom(prefix.toString());
            if (rows.limit() != null || rows.offset() != null || rows.randomOrder()) {
                renderer.orderBy();
                dialect.appendBoundLimitOffset(sql, rows.limit(), rows.offset(), value -> renderer.marker(value, Long.class));
            }
            sql.append(") x)");
        }
        return statement(sql, renderer, kind);
    }

    /**
     * The property of a path, as the renderer resolves it.
     *
     * @param spec the query the path belongs to
     * @param path the path
     * @return the property that holds the column
     */
    public PropertyModel resolve(SelectSpec spec, PropertyPath path) {
        return new QueryRenderer(mapping, dialect, spec).resolve(path).property();
    }

    /**
     * The fixed statements of an entity.
     *
     * @param model the entity
     * @return its statements, rendered once
     */
    public EntityStatements statements(EntityModel<?> model) {
        return entityStatements.computeIfAbsent(model.type(), type -> new EntityStatements(model, dialect));
    }

    /**
     * The statements of many-to-many link rows.
     *
     * @return the link statements
     */
    public LinkStatements links() {
        return links;
    }

    /**
     * Hand-written SQL with {@code ?} markers, rewritten into the driver's marker form.
     *
     * @param dialect the dialect
     * @param sql the SQL
     * @param args the parameters; nulls are bound as NULL
     * @return the statement
     * @throws IllegalArgumentException when the number of markers and arguments differ
     */
    public static SqlStatement raw(Dialect dialect, String sql, List<?> args) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("The SQL text is empty");
        }
        ParameterMarkers.Syntax syntax = ParameterMarkers.Syntax.of(dialect);
        int markers = ParameterMarkers.count(sql, syntax);
        int given = args == null ? 0 : args.size();
        if (markers != given) {
            throw new IllegalArgumentException("The SQL has " + markers + " ? placeholder(s) but " + given
                    + " argument(s) were given: pass one argument per ? (write ?? for a literal ?)");
        }
        String text = dialect.acceptsQuestionMarks() && !ParameterMarkers.hasEscapes(sql, syntax) ? sql
                : ParameterMarkers.rewrite(sql, syntax, dialect::parameterMarker);
        List<Object> parameters = new ArrayList<>(given);
        if (args != null) {
            for (Object arg : args) {
                parameters.add(arg == null ? new TypedNull(String.class) : arg);
            }
        }
        return new SqlStatement(text, parameters, StatementKind.of(sql), null);
    }

    private void appendLock(StringBuilder sql, SelectSpec spec) {
        if (spec.lock() == SelectSpec.Lock.NONE) {
            return;
        }
        boolean skipLocked = spec.lock() == SelectSpec.Lock.FOR_UPDATE_SKIP_LOCKED;
        if (skipLocked && !dialect.supportsSkipLocked()) {
            throw new IllegalStateException("The " + dialect.name() + " dialect has no FOR UPDATE SKIP LOCKED");
        }
        sql.append(dialect.forUpdate(skipLocked));
    }

    private static SqlStatement statement(StringBuilder sql, QueryRenderer renderer, StatementKind kind) {
        return new SqlStatement(sql.toString(), renderer.parameters(), kind, renderer.root().name());
    }
}
