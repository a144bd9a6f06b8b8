package io.nextorm.sql;

import io.nextorm.dialect.Dialect;
import io.nextorm.mapping.EntityModel;
import io.nextorm.mapping.Mapping;
import io.nextorm.mapping.PropertyModel;
import io.nextorm.query.PropertyPath;
import io.nextorm.query.SelectSpec;

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
    private final Map<Class<?>, EntityStatements> entityStatements = new ConcurrentHashMap<>();

    /**
     * Creates a renderer.
     *
     * @param mapping the entity mapping
     * @param dialect the database's dialect
     */
    public SqlRenderer(Mapping mapping, Dialect dialect) {
        this.mapping = mapping;
        this.dialect = dialect;
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
     *
     * @param spec the query
     * @return the statement
     */
    public SqlStatement select(SelectSpec spec) {
        QueryRenderer renderer = new QueryRenderer(mapping, dialect, spec);
        String columns = renderer.rootColumns();
        StringBuilder sql = renderer.beginFrom(spec.distinct() ? "SELECT DISTINCT " + columns : "SELECT " + columns);
        renderer.orderBy();
        dialect.appendLimitOffset(sql, spec.limit(), spec.offset());
        appendLock(sql, spec);
        return statement(sql, renderer, StatementKind.SELECT);
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
     * An aggregate of one property over a query set's rows.
     *
     * @param spec the query
     * @param function SUM, AVG, MIN or MAX
     * @param property the aggregated property
     * @return the statement; one row, one column
     */
    public SqlStatement aggregate(SelectSpec spec, String function, PropertyPath property) {
        QueryRenderer renderer = new QueryRenderer(mapping, dialect, spec);
        QueryRenderer.ResolvedColumn column = renderer.resolve(property);
        StringBuilder sql = renderer.beginFrom("SELECT " + function + "("
                + renderer.column(column.alias(), column.property().column()) + ")");
        return statement(sql, renderer, StatementKind.SELECT);
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
        int markers = ParameterMarkers.count(sql, dialect.backslashEscapesInLiterals());
        int given = args == null ? 0 : args.size();
        if (markers != given) {
            throw new IllegalArgumentException("The SQL has " + markers + " ? placeholder(s) but " + given
                    + " argument(s) were given: pass one argument per ?");
        }
        String text = dialect.acceptsQuestionMarks() ? sql
                : ParameterMarkers.rewrite(sql, dialect.backslashEscapesInLiterals(), dialect::parameterMarker);
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
