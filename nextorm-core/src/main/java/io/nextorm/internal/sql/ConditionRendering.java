package io.nextorm.internal.sql;

import io.nextorm.internal.mapping.PropertyModel;

import io.nextorm.query.Arithmetic;
import io.nextorm.query.Between;
import io.nextorm.query.Comparison;
import io.nextorm.query.Condition;
import io.nextorm.query.Expression;
import io.nextorm.query.FunctionCall;
import io.nextorm.query.InList;
import io.nextorm.query.Junction;
import io.nextorm.query.Like;
import io.nextorm.query.Negation;
import io.nextorm.query.NullCheck;
import io.nextorm.query.PropertyPath;
import io.nextorm.query.Truth;
import io.nextorm.query.Value;

import java.util.List;

/**
 * Renders the plain nodes of a condition tree (comparisons, BETWEEN, IN lists, NULL checks, LIKE,
 * AND/OR/NOT, column paths, values, arithmetic, functions) into the statement of a
 * {@link QueryRenderer}; subqueries, aggregates and the query language's functions go on to
 * {@link NestedRendering}. One instance per renderer: it tracks the cast of the values of the
 * comparison being rendered (a PostgreSQL enum or domain column's).
 */
final class ConditionRendering {

    private final QueryRenderer renderer;

    /** The cast of the values in the comparison being rendered, or null. */
    private String valueCast;
    /** The property with a converter that the values of the condition being rendered are compared with, or null. */
    private PropertyModel converted;

    ConditionRendering(QueryRenderer renderer) {
        this.renderer = renderer;
    }

    private StringBuilder sql() {
        return renderer.sql();
    }

    /**
     * {@code key == record} on an {@code @Embeddable} key, as the comparison of every key column
     * ({@code AND} for ==, {@code OR} for !=); null for any other comparison.
     */
    private Condition embeddedKeyComparison(Comparison c) {
        if (!(c.left() instanceof PropertyPath path) || !(c.right() instanceof Value value)
                || path.names().size() != 1 || !renderer.mapping().isEntity(path.root())
                || (c.operator() != Comparison.Operator.EQ && c.operator() != Comparison.Operator.NE)) {
            return null;
        }
        io.nextorm.internal.mapping.KeyModel key = renderer.mapping().entity(path.root()).key();
        if (!path.leaf().equals(key.embeddedField())) {
            return null;
        }
        if (!(value.value() instanceof Record record)) {
            throw new IllegalArgumentException(path + " is an @Embeddable key: compare it with a key record, not "
                    + value.value());
        }
        List<Object> values = io.nextorm.internal.mapping.KeyModel.recordValues(record);
        List<Condition> parts = new java.util.ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            parts.add(new Comparison(new PropertyPath(path.root(), path.alias(), List.of(key.parts().get(i).name())),
                    c.operator(), new Value(values.get(i))));
        }
        return new Junction(c.operator() == Comparison.Operator.EQ
                ? Junction.Kind.AND : Junction.Kind.OR, parts);
    }

    void condition(Condition condition) {
        Condition embeddedKey = condition instanceof Comparison c ? embeddedKeyComparison(c) : null;
        Condition overColumns = embeddedKey != null ? null : WideReferences.expand(renderer, condition);
        if (overColumns != null) {
            boolean parens = overColumns instanceof Junction;
            sql().append(parens ? "(" : "");
            condition(overColumns);
            sql().append(parens ? ")" : "");
        } else if (embeddedKey != null) {
            condition(embeddedKey);
        } else if (condition instanceof Comparison c) {
            String outer = valueCast;
            PropertyModel outerConverted = converted;
            valueCast = castOf(c.left(), c.right());
            converted = convertedOf(c.left(), c.right());
            expression(c.left());
            sql().append(' ').append(c.operator().symbol()).append(' ');
            expression(c.right());
            valueCast = outer;
            converted = outerConverted;
        } else if (condition instanceof Between b) {
            String outer = valueCast;
            PropertyModel outerConverted = converted;
            valueCast = castOf(b.expression(), null);
            converted = convertedOf(b.expression(), null);
            expression(b.expression());
            sql().append(" BETWEEN ");
            expression(b.low());
            sql().append(" AND ");
            expression(b.high());
            valueCast = outer;
            converted = outerConverted;
        } else if (condition instanceof InList in) {
            inList(in);
        } else if (condition instanceof NullCheck n) {
            expression(n.expression());
            sql().append(n.negated() ? " IS NOT NULL" : " IS NULL");
        } else if (condition instanceof Like like) {
            expression(like.expression());
            sql().append(like.negated() ? " NOT LIKE " : " LIKE ").append(renderer.marker(like.pattern(), String.class))
                    .append(renderer.dialect().likeEscape());
        } else if (condition instanceof Junction j) {
            String separator = j.kind() == Junction.Kind.AND ? " AND " : " OR ";
            for (int i = 0; i < j.parts().size(); i++) {
                if (i > 0) {
                    sql().append(separator);
                }
                Condition part = j.parts().get(i);
                boolean parens = part instanceof Junction;
                if (parens) {
                    sql().append('(');
                }
                condition(part);
                if (parens) {
                    sql().append(')');
                }
            }
        } else if (condition instanceof Negation n) {
            sql().append("NOT (");
            condition(n.condition());
            sql().append(')');
        } else if (condition instanceof Truth) {
            sql().append(condition == Truth.TRUE ? "1 = 1" : "1 = 0");
        } else {
            new NestedRendering(renderer).condition(condition);
        }
    }

    private void inList(InList in) {
        if (in.values().isEmpty()) {
            sql().append(in.negated() ? "1 = 1" : "1 = 0");
            return;
        }
        expression(in.expression());
        sql().append(in.negated() ? " NOT IN (" : " IN (");
        for (int i = 0; i < in.values().size(); i++) {
            if (i > 0) {
                sql().append(", ");
            }
            PropertyModel property = convertedOf(in.expression(), null);
            Object value = property == null ? in.values().get(i) : property.toColumn(in.values().get(i));
            sql().append(renderer.castMarker(renderer.marker(value, property == null ? Object.class : property.bindType()),
                    castOf(in.expression(), null)));
        }
        sql().append(')');
    }

    /**
     * The database type that values compared with one of two expressions are cast to: the cast of the
     * column (a PostgreSQL enum or domain) that either side is, or null.
     */
    private String castOf(Expression one, Expression other) {
        for (Expression side : new Expression[] {one, other}) {
            if (side instanceof PropertyPath path) {
                String cast = renderer.resolve(path).property().castType();
                if (cast != null) {
                    return cast;
                }
            }
        }
        return null;
    }

    /**
     * The property with a converter ({@code @Convert}, {@code @Json}, a boolean over an integer column)
     * that either side is, whose conversion the values compared with it take; or null.
     */
    private PropertyModel convertedOf(Expression one, Expression other) {
        for (Expression side : new Expression[] {one, other}) {
            if (side instanceof PropertyPath path) {
                PropertyModel property = renderer.resolve(path).property();
                if (property.converter() != null && property.kind() != io.nextorm.internal.mapping.PropertyKind.REFERENCE) {
                    return property;
                }
            }
        }
        return null;
    }

    void expression(Expression expression) {
        if (expression instanceof PropertyPath path) {
            QueryRenderer.ResolvedColumn resolved = renderer.resolve(path);
            sql().append(renderer.column(resolved.alias(), resolved.column()));
        } else if (expression instanceof Value value) {
            Object bound = converted == null ? value.value() : converted.toColumn(value.value());
            sql().append(renderer.castMarker(renderer.marker(bound, converted == null ? Object.class : converted.bindType()),
                    valueCast));
        } else if (expression instanceof Arithmetic a) {
            sql().append('(');
            expression(a.left());
            sql().append(' ').append(a.operator().symbol()).append(' ');
            expression(a.right());
            sql().append(')');
        } else if (expression instanceof FunctionCall f) {
            sql().append(renderer.dialect().functionName(f.function())).append('(');
            expression(f.argument());
            sql().append(')');
        } else {
            new NestedRendering(renderer).expression(expression);
        }
    }
}
