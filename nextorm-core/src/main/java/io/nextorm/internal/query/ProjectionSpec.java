package io.nextorm.internal.query;

import io.nextorm.query.Condition;
import io.nextorm.query.Expression;

import java.util.List;
import java.util.Objects;

/**
 * Everything a projection ({@code db.select(...)}) says about its SELECT: the rows (entity, joins,
 * conditions, ordering, paging, DISTINCT) and what it selects, groups by and keeps of the groups.
 *
 * @param rows the rows: root entity, joins, WHERE, ORDER BY, limit, offset, distinct
 * @param columns the selected expressions, in order
 * @param groupBy the GROUP BY expressions
 * @param having the conditions on the groups
 */
public record ProjectionSpec(SelectSpec rows, List<Expression> columns, List<Expression> groupBy,
                             List<Condition> having) {

    /**
     * Checks and copies the parts.
     */
    public ProjectionSpec {
        Objects.requireNonNull(rows, "rows");
        columns = List.copyOf(columns);
        groupBy = List.copyOf(groupBy);
        having = List.copyOf(having);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("select() needs at least one attribute or expression");
        }
    }
}
