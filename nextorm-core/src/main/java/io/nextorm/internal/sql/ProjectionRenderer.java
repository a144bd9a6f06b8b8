package io.nextorm.internal.sql;

import io.nextorm.dialect.Dialect;
import io.nextorm.internal.mapping.Mapping;
import io.nextorm.internal.query.ProjectionSpec;
import io.nextorm.internal.query.SelectSpec;
import io.nextorm.query.Condition;
import io.nextorm.query.Expression;
import io.nextorm.query.Junction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders projections: {@code SELECT expr, ... FROM ... WHERE ... GROUP BY ... HAVING ... ORDER BY ...
 * LIMIT}, with the same joins, subqueries and parameters as entity queries. The SQL text is cached
 * per shape (the projection with its bound values taken out), as for entity queries.
 */
final class ProjectionRenderer {

    private static final int SHAPE_CACHE_LIMIT = 4_096;

    private final Mapping mapping;
    private final Dialect dialect;
    private final Map<ProjectionSpec, String> cache = new ConcurrentHashMap<>();

    ProjectionRenderer(Mapping mapping, Dialect dialect) {
        this.mapping = mapping;
        this.dialect = dialect;
    }

    SqlStatement render(ProjectionSpec spec) {
        List<Object> values = new ArrayList<>();
        ProjectionSpec key = erase(spec, values);
        String cached = cache.get(key);
        List<Object> bound = new ArrayList<>(values.size());
        for (Object value : values) {
            bound.add(BoundValues.bindable(mapping, value, Object.class));
        }
        String entity = mapping.entity(spec.rows().entity()).name();
        if (cached != null) {
            return new SqlStatement(cached, bound, StatementKind.SELECT, entity);
        }
        List<Expression> used = new ArrayList<>(spec.columns());
        used.addAll(spec.groupBy());
        spec.having().forEach(condition -> PathCollector.collect(condition, used));
        QueryRenderer renderer = new QueryRenderer(mapping, dialect, spec.rows(), used);
        StringBuilder select = new StringBuilder(spec.rows().distinct() ? "SELECT DISTINCT " : "SELECT ");
        for (int i = 0; i < spec.columns().size(); i++) {
            if (i > 0) {
                select.append(", ");
            }
            select.append(renderer.render(spec.columns().get(i)));
        }
        StringBuilder sql = renderer.beginFrom(select.toString());
        if (!spec.groupBy().isEmpty()) {
            sql.append(" GROUP BY ");
            for (int i = 0; i < spec.groupBy().size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                renderer.expression(spec.groupBy().get(i));
            }
        }
        if (!spec.having().isEmpty()) {
            sql.append(" HAVING ");
            renderer.condition(Junction.of(Junction.Kind.AND, spec.having()));
        }
        renderer.orderBy();
        dialect.appendLimitOffset(sql, spec.rows().limit(), spec.rows().offset());
        SqlStatement statement = new SqlStatement(sql.toString(), renderer.parameters(), StatementKind.SELECT, entity);
        if (cache.size() < SHAPE_CACHE_LIMIT && bound.equals(statement.parameters())) {
            cache.put(key, statement.sql());
        }
        return statement;
    }

    /**
     * The projection with its values taken out, in the order the renderer binds them: the select list,
     * the joins, WHERE, GROUP BY, HAVING, ORDER BY.
     */
    private static ProjectionSpec erase(ProjectionSpec spec, List<Object> values) {
        List<Expression> columns = new ArrayList<>();
        spec.columns().forEach(column -> columns.add(SelectShape.erase(column, values)));
        SelectShape rows = SelectShape.of(spec.rows());
        values.addAll(rows.values());
        SelectSpec erasedRows = rows.key();
        List<Expression> groupBy = new ArrayList<>();
        spec.groupBy().forEach(expression -> groupBy.add(SelectShape.erase(expression, values)));
        List<Condition> having = new ArrayList<>();
        spec.having().forEach(condition -> having.add(SelectShape.erase(condition, values)));
        // ORDER BY values are erased with the rows, before GROUP BY: a shape with both is bound in another
        // order, which render() sees (the values differ from the bound ones) and does not cache
        return new ProjectionSpec(erasedRows, columns, groupBy, having);
    }
}
