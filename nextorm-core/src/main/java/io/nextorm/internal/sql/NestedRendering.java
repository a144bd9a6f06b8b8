package io.nextorm.internal.sql;

import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.PropertyKind;
import io.nextorm.internal.mapping.PropertyModel;
import io.nextorm.internal.mapping.Relation;
import io.nextorm.internal.query.SelectSpec;
import io.nextorm.query.Aggregate;
import io.nextorm.query.Arithmetic;
import io.nextorm.query.Between;
import io.nextorm.query.Comparison;
import io.nextorm.query.Condition;
import io.nextorm.query.Exists;
import io.nextorm.query.Expression;
import io.nextorm.query.FunctionCall;
import io.nextorm.query.InList;
import io.nextorm.query.InSubquery;
import io.nextorm.query.Junction;
import io.nextorm.query.Like;
import io.nextorm.query.Negation;
import io.nextorm.query.NullCheck;
import io.nextorm.query.PropertyPath;
import io.nextorm.query.ScalarFunction;
import io.nextorm.query.Subquery;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of {@link QueryRenderer} that writes PonyORM's query language beyond filtering:
 * subqueries (scalar, EXISTS, IN, and those correlated through a {@code Set} relation),
 * aggregates and the functions of {@link ScalarFunction}, whose text each dialect gives.
 */
final class NestedRendering {

    private final QueryRenderer renderer;

    NestedRendering(QueryRenderer renderer) {
        this.renderer = renderer;
    }

    void condition(Condition condition) {
        StringBuilder sql = renderer.sql();
        if (condition instanceof Exists exists) {
            sql.append("EXISTS ");
            subquery(exists.subquery(), true);
        } else if (condition instanceof InSubquery in) {
            renderer.expression(in.expression());
            sql.append(in.negated() ? " NOT IN " : " IN ");
            subquery(in.subquery(), false);
        } else {
            throw new IllegalArgumentException("No SQL rendering for the condition " + condition);
        }
    }

    void expression(Expression expression) {
        StringBuilder sql = renderer.sql();
        if (expression instanceof Subquery subquery) {
            subquery(subquery, false);
        } else if (expression instanceof Aggregate aggregate) {
            sql.append(aggregate.function().name()).append('(');
            if (aggregate.argument() == null) {
                sql.append('*');
            } else {
                if (aggregate.distinct()) {
                    sql.append("DISTINCT ");
                }
                renderer.expression(aggregate.argument());
            }
            sql.append(')');
        } else if (expression instanceof ScalarFunction function) {
            List<String> arguments = new ArrayList<>(function.arguments().size());
            for (Expression argument : function.arguments()) {
                arguments.add(renderer.render(argument));
            }
            sql.append(renderer.dialect().function(function.kind(), arguments));
        } else {
            throw new IllegalArgumentException("No SQL rendering for the expression " + expression);
        }
    }

    /**
     * {@code (SELECT selected FROM entity sqN [JOIN link] WHERE correlation AND conditions)}.
     */
    private void subquery(Subquery subquery, boolean exists) {
        SelectSpec spec = SelectSpec.of(subquery.entity()).withWhere(subquery.where());
        for (var join : subquery.joins()) {
            spec = spec.withJoin(join);
        }
        QueryRenderer inner = renderer.nested(spec);
        EntityModel<?> element = inner.root();
        String select;
        if (exists) {
            select = "SELECT 1";
        } else if (subquery.selected() == null) {
            select = "SELECT " + inner.rootColumn(element.id());
        } else {
            select = "SELECT " + inner.render(subquery.selected());
        }
        String correlation = null;
        String linkJoin = "";
        if (subquery.relation() != null) {
            PropertyPath relation = subquery.relation();
            List<String> outerColumns = new ArrayList<>();
            for (PropertyPath ownerKey : ownerKey(relation)) {
                QueryRenderer.ResolvedColumn owner = renderer.resolve(ownerKey);
                outerColumns.add(renderer.column(owner.alias(), owner.column()));
            }
            PropertyModel set = relationProperty(relation);
            if (set.target().type() != element.type()) {
                throw new IllegalArgumentException(relation + " holds " + set.target().name() + ", not "
                        + element.name());
            }
            Relation stored = set.relation();
            String alias = inner.rootAlias();
            // every column pair in key order: one for a single key, one per key column of a composite one
            if (stored.isManyToMany()) {
                String link = alias + "_link";
                List<String> elementKey = element.key().parts().stream().flatMap(p -> inner.rootColumns(p).stream()).toList();
                linkJoin = " INNER JOIN " + renderer.dialect().identifier(stored.joinTable()) + " "
                        + renderer.dialect().identifier(link) + " ON "
                        + pairs(stored.otherColumns().stream().map(c -> inner.column(link, c)).toList(), elementKey);
                correlation = pairs(stored.ownColumns().stream().map(c -> inner.column(link, c)).toList(), outerColumns);
            } else {
                correlation = pairs(inner.rootColumns(stored.reverse()), outerColumns);
            }
        }
        StringBuilder body = inner.beginFromCorrelated(select, linkJoin, correlation);
        renderer.sql().append('(').append(body).append(')');
    }

    /** {@code a1 = b1 AND a2 = b2 ...}. */
    private static String pairs(List<String> left, List<String> right) {
        StringBuilder each = new StringBuilder();
        for (int i = 0; i < left.size(); i++) {
            each.append(i == 0 ? "" : " AND ").append(left.get(i)).append(" = ").append(right.get(i));
        }
        return each.toString();
    }

    /**
     * The key of the entity that holds the Set: {@code [id]} of {@code Group.students}, or the reference
     * column {@code [group, id]} of {@code Student.group.students}; one path per key field of a composite key.
     */
    private List<PropertyPath> ownerKey(PropertyPath relation) {
        EntityModel<?> owner = ownerOf(relation);
        List<PropertyPath> paths = new ArrayList<>();
        for (String keyField : owner.key().names()) {
            List<String> names = new ArrayList<>(relation.names().subList(0, relation.names().size() - 1));
            names.add(keyField);
            paths.add(new PropertyPath(relation.root(), relation.alias(), names));
        }
        return paths;
    }

    private EntityModel<?> ownerOf(PropertyPath relation) {
        EntityModel<?> model = renderer.mapping().entity(relation.root());
        for (String name : relation.names().subList(0, relation.names().size() - 1)) {
            PropertyModel reference = model.property(name);
            if (reference.kind() != PropertyKind.REFERENCE) {
                throw new IllegalArgumentException(relation + ": " + reference + " is not a reference");
            }
            model = reference.target();
        }
        return model;
    }

    private PropertyModel relationProperty(PropertyPath relation) {
        PropertyModel set = ownerOf(relation).property(relation.leaf());
        if (set.kind() != PropertyKind.SET) {
            throw new IllegalArgumentException(relation + " is not a Set relation: count(), exists() and "
                    + "contains() of a relation need a Set property");
        }
        return set;
    }

    static boolean hasSubquery(Condition condition) {
        if (condition instanceof Exists || condition instanceof InSubquery) {
            return true;
        }
        if (condition instanceof Comparison c) {
            return hasSubquery(c.left()) || hasSubquery(c.right());
        }
        if (condition instanceof Between b) {
            return hasSubquery(b.expression()) || hasSubquery(b.low()) || hasSubquery(b.high());
        }
        if (condition instanceof InList in) {
            return hasSubquery(in.expression());
        }
        if (condition instanceof NullCheck n) {
            return hasSubquery(n.expression());
        }
        if (condition instanceof Like like) {
            return hasSubquery(like.expression());
        }
        if (condition instanceof Junction j) {
            return j.parts().stream().anyMatch(NestedRendering::hasSubquery);
        }
        return condition instanceof Negation n && hasSubquery(n.condition());
    }

    static boolean hasSubquery(Expression expression) {
        if (expression instanceof Subquery) {
            return true;
        }
        if (expression instanceof Arithmetic a) {
            return hasSubquery(a.left()) || hasSubquery(a.right());
        }
        if (expression instanceof FunctionCall f) {
            return hasSubquery(f.argument());
        }
        if (expression instanceof ScalarFunction f) {
            return f.arguments().stream().anyMatch(NestedRendering::hasSubquery);
        }
        return expression instanceof Aggregate a && a.argument() != null && hasSubquery(a.argument());
    }
}
