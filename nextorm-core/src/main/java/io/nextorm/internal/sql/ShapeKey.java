package io.nextorm.internal.sql;

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
import io.nextorm.query.Join;
import io.nextorm.query.Junction;
import io.nextorm.query.Like;
import io.nextorm.query.Negation;
import io.nextorm.query.NullCheck;
import io.nextorm.query.OrderItem;
import io.nextorm.query.PropertyPath;
import io.nextorm.query.ScalarFunction;
import io.nextorm.query.Subquery;
import io.nextorm.query.Truth;
import io.nextorm.query.Value;

import java.util.List;
import java.util.Objects;

/**
 * The cache key of a SELECT's SQL text, read off the query as it is: two keys are equal exactly
 * when {@link SelectShape#of} would give the two queries equal erased trees (the same query but for
 * its bound values, the number of values of an IN list counted), without building that tree. The
 * hash is computed in the same walk that takes the bound values out, in {@link SelectShape}'s order,
 * so that a warm query costs one walk for the hash and values and one for the equality, and no
 * allocation but this key and the list of values. A key kept in the cache wraps the erased tree,
 * so the cache holds no bound value of any query.
 */
final class ShapeKey {

    private final SelectSpec spec;
    private final int hash;

    private ShapeKey(SelectSpec spec, int hash) {
        this.spec = spec;
        this.hash = hash;
    }

    /**
     * The key of a query, its bound values appended to {@code values} in binding order.
     *
     * @param spec the query
     * @param values where the bound values go
     * @return the key, wrapping the query itself (to look up, not to keep)
     */
    static ShapeKey of(SelectSpec spec, List<Object> values) {
        int h = spec.entity().hashCode();
        for (Join join : spec.joins()) {
            h = 31 * h + join(join, values);
        }
        h = 31 * h + spec.joins().size();
        for (Condition condition : spec.where()) {
            h = 31 * h + condition(condition, values);
        }
        h = 31 * h + spec.where().size();
        for (OrderItem item : spec.orderBy()) {
            h = 31 * h + expression(item.expression(), values) * 2 + (item.descending() ? 1 : 0);
        }
        h = 31 * h + spec.orderBy().size();
        if (spec.limit() != null) {
            values.add(spec.limit());
        }
        if (spec.offset() != null) {
            values.add(spec.offset());
        }
        h = 31 * h + (spec.limit() == null ? 0 : 1) + (spec.offset() == null ? 0 : 2) + (spec.distinct() ? 4 : 0)
                + (spec.randomOrder() ? 8 : 0);
        h = 31 * h + spec.lock().ordinal();
        h = 31 * h + spec.prefetch().hashCode();
        return new ShapeKey(spec, h);
    }

    /**
     * The key to keep in the cache: the same hash, over the erased tree.
     *
     * @param erased the query with its values replaced by markers ({@link SelectShape#key()})
     * @return the key to keep
     */
    ShapeKey keptAs(SelectSpec erased) {
        return new ShapeKey(erased, hash);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ShapeKey key && key.hash == hash && same(spec, key.spec);
    }

    private static boolean same(SelectSpec a, SelectSpec b) {
        if (a == b) {
            return true;
        }
        if (a.entity() != b.entity() || a.distinct() != b.distinct() || a.randomOrder() != b.randomOrder()
                || a.lock() != b.lock() || (a.limit() == null) != (b.limit() == null)
                || (a.offset() == null) != (b.offset() == null) || a.where().size() != b.where().size()
                || a.orderBy().size() != b.orderBy().size() || a.joins().size() != b.joins().size()
                || !a.prefetch().equals(b.prefetch())) {
            return false;
        }
        return sameJoins(a.joins(), b.joins()) && sameConditions(a.where(), b.where())
                && sameOrder(a.orderBy(), b.orderBy());
    }

    private static boolean sameOrder(List<OrderItem> a, List<OrderItem> b) {
        for (int i = 0; i < a.size(); i++) {
            OrderItem x = a.get(i);
            OrderItem y = b.get(i);
            if (x.descending() != y.descending() || !same(x.expression(), y.expression())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameJoins(List<Join> a, List<Join> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Join x = a.get(i);
            Join y = b.get(i);
            if (x.entity() != y.entity() || x.type() != y.type() || !Objects.equals(x.alias(), y.alias())
                    || !same(x.on(), y.on())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameConditions(List<Condition> a, List<Condition> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameExpressions(List<Expression> a, List<Expression> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static int join(Join join, List<Object> values) {
        int h = join.entity().hashCode();
        h = 31 * h + condition(join.on(), values);
        h = 31 * h + join.type().ordinal();
        return 31 * h + Objects.hashCode(join.alias());
    }

    private static int condition(Condition condition, List<Object> values) {
        if (condition instanceof Comparison c) {
            int h = expression(c.left(), values);
            h = 31 * h + c.operator().ordinal();
            return 31 * h + expression(c.right(), values);
        }
        if (condition instanceof Between b) {
            int h = 3 + expression(b.expression(), values);
            h = 31 * h + expression(b.low(), values);
            return 31 * h + expression(b.high(), values);
        }
        if (condition instanceof InList in) {
            int h = 5 + expression(in.expression(), values);
            values.addAll(in.values());
            return 31 * (31 * h + in.values().size()) + (in.negated() ? 1 : 0);
        }
        if (condition instanceof NullCheck n) {
            return 7 + 31 * expression(n.expression(), values) + (n.negated() ? 1 : 0);
        }
        if (condition instanceof Like like) {
            int h = 11 + expression(like.expression(), values);
            values.add(like.pattern());
            return 31 * h + (like.negated() ? 1 : 0);
        }
        if (condition instanceof Junction j) {
            int h = 13 + j.kind().ordinal();
            for (Condition part : j.parts()) {
                h = 31 * h + condition(part, values);
            }
            return 31 * h + j.parts().size();
        }
        if (condition instanceof Negation n) {
            return 17 + 31 * condition(n.condition(), values);
        }
        if (condition instanceof Exists exists) {
            return 19 + 31 * subquery(exists.subquery(), values);
        }
        if (condition instanceof InSubquery in) {
            int h = 23 + expression(in.expression(), values);
            h = 31 * h + subquery(in.subquery(), values);
            return 31 * h + (in.negated() ? 1 : 0);
        }
        return 29 + ((Truth) condition).ordinal();
    }

    private static int expression(Expression expression, List<Object> values) {
        if (expression instanceof PropertyPath path) {
            return path.hashCode();
        }
        if (expression instanceof Value value) {
            values.add(value.value());
            return 37;
        }
        if (expression instanceof Arithmetic a) {
            int h = 41 + expression(a.left(), values);
            h = 31 * h + a.operator().ordinal();
            return 31 * h + expression(a.right(), values);
        }
        if (expression instanceof FunctionCall f) {
            return 43 + 31 * (f.function().ordinal() + 31 * expression(f.argument(), values));
        }
        if (expression instanceof ScalarFunction f) {
            int h = 47 + f.kind().ordinal();
            for (Expression argument : f.arguments()) {
                h = 31 * h + expression(argument, values);
            }
            return 31 * h + f.arguments().size();
        }
        if (expression instanceof Aggregate a) {
            int h = 53 + a.function().ordinal();
            h = 31 * h + (a.argument() == null ? 0 : expression(a.argument(), values));
            return 31 * h + (a.distinct() ? 1 : 0);
        }
        return 59 + subquery((Subquery) expression, values);
    }

    /** In the order {@link SelectShape#erase(Subquery, List)} takes the values out. */
    private static int subquery(Subquery subquery, List<Object> values) {
        int h = subquery.entity().hashCode();
        h = 31 * h + (subquery.selected() == null ? 0 : expression(subquery.selected(), values));
        for (Join join : subquery.joins()) {
            h = 31 * h + join(join, values);
        }
        for (Condition condition : subquery.where()) {
            h = 31 * h + condition(condition, values);
        }
        h = 31 * h + subquery.joins().size() * 7 + subquery.where().size();
        return 31 * h + Objects.hashCode(subquery.relation());
    }

    private static boolean same(Condition a, Condition b) {
        if (a == b) {
            return true;
        }
        if (a instanceof Comparison x && b instanceof Comparison y) {
            return x.operator() == y.operator() && same(x.left(), y.left()) && same(x.right(), y.right());
        }
        if (a instanceof Between x && b instanceof Between y) {
            return same(x.expression(), y.expression()) && same(x.low(), y.low()) && same(x.high(), y.high());
        }
        if (a instanceof InList x && b instanceof InList y) {
            return x.negated() == y.negated() && x.values().size() == y.values().size()
                    && same(x.expression(), y.expression());
        }
        if (a instanceof NullCheck x && b instanceof NullCheck y) {
            return x.negated() == y.negated() && same(x.expression(), y.expression());
        }
        if (a instanceof Like x && b instanceof Like y) {
            return x.negated() == y.negated() && same(x.expression(), y.expression());
        }
        if (a instanceof Junction x && b instanceof Junction y) {
            return x.kind() == y.kind() && sameConditions(x.parts(), y.parts());
        }
        if (a instanceof Negation x && b instanceof Negation y) {
            return same(x.condition(), y.condition());
        }
        if (a instanceof Exists x && b instanceof Exists y) {
            return same(x.subquery(), y.subquery());
        }
        if (a instanceof InSubquery x && b instanceof InSubquery y) {
            return x.negated() == y.negated() && same(x.expression(), y.expression()) && same(x.subquery(), y.subquery());
        }
        return false;
    }

    private static boolean same(Expression a, Expression b) {
        if (a == b) {
            return true;
        }
        if (a instanceof PropertyPath x && b instanceof PropertyPath y) {
            return x.equals(y);
        }
        if (a instanceof Value && b instanceof Value) {
            return true;
        }
        if (a instanceof Arithmetic x && b instanceof Arithmetic y) {
            return x.operator() == y.operator() && same(x.left(), y.left()) && same(x.right(), y.right());
        }
        if (a instanceof FunctionCall x && b instanceof FunctionCall y) {
            return x.function() == y.function() && same(x.argument(), y.argument());
        }
        if (a instanceof ScalarFunction x && b instanceof ScalarFunction y) {
            return x.kind() == y.kind() && sameExpressions(x.arguments(), y.arguments());
        }
        if (a instanceof Aggregate x && b instanceof Aggregate y) {
            return x.function() == y.function() && x.distinct() == y.distinct()
                    && (x.argument() == null ? y.argument() == null : y.argument() != null && same(x.argument(), y.argument()));
        }
        if (a instanceof Subquery x && b instanceof Subquery y) {
            return same(x, y);
        }
        return false;
    }

    private static boolean same(Subquery a, Subquery b) {
        return a.entity() == b.entity() && Objects.equals(a.relation(), b.relation())
                && (a.selected() == null ? b.selected() == null : b.selected() != null && same(a.selected(), b.selected()))
                && sameJoins(a.joins(), b.joins()) && sameConditions(a.where(), b.where());
    }
}
