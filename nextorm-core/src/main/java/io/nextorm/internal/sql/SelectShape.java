package io.nextorm.internal.sql;

import io.nextorm.query.Arithmetic;
import io.nextorm.query.Between;
import io.nextorm.query.Comparison;
import io.nextorm.query.Condition;
import io.nextorm.query.Expression;
import io.nextorm.query.FunctionCall;
import io.nextorm.query.InList;
import io.nextorm.query.Join;
import io.nextorm.query.Junction;
import io.nextorm.query.Like;
import io.nextorm.query.Negation;
import io.nextorm.query.NullCheck;
import io.nextorm.query.OrderItem;
import io.nextorm.query.PropertyPath;
import io.nextorm.internal.query.SelectSpec;
import io.nextorm.query.Truth;
import io.nextorm.query.Value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A query with its bound values taken out: {@link #key()} is the same for every query of the same
 * shape (the SQL it renders to differs only in values), and {@link #values()} are the values in the
 * order the renderer binds them. The renderer caches SQL text under the key.
 *
 * @param key the query with every bound value replaced by one marker
 * @param values the bound values, in the order of their parameter markers
 */
record SelectShape(SelectSpec key, List<Object> values) {

    private static final Object MARK = new Object() {
        @Override
        public String toString() {
            return "?";
        }
    };
    private static final String PATTERN_MARK = "\u0000?";

    static SelectShape of(SelectSpec spec) {
        List<Object> values = new ArrayList<>();
        List<Join> joins = new ArrayList<>(spec.joins().size());
        for (Join join : spec.joins()) {
            joins.add(new Join(join.entity(), erase(join.on(), values), join.type(), join.alias()));
        }
        List<Condition> where = new ArrayList<>(spec.where().size());
        for (Condition condition : spec.where()) {
            where.add(erase(condition, values));
        }
        List<OrderItem> orderBy = new ArrayList<>(spec.orderBy().size());
        for (OrderItem item : spec.orderBy()) {
            orderBy.add(new OrderItem(erase(item.expression(), values), item.descending()));
        }
        // LIMIT and OFFSET are bound too, after everything else: each page of a query is one shape
        Long limit = spec.limit() == null ? null : erasedNumber(spec.limit(), values);
        Long offset = spec.offset() == null ? null : erasedNumber(spec.offset(), values);
        SelectSpec key = new SelectSpec(spec.entity(), where, orderBy, joins, limit, offset,
                spec.distinct(), spec.randomOrder(), spec.lock(), spec.prefetch());
        return new SelectShape(key, values);
    }

    private static Long erasedNumber(Long number, List<Object> values) {
        values.add(number);
        return 0L;
    }

    static Condition erase(Condition condition, List<Object> values) {
        if (condition instanceof Comparison c) {
            Expression left = erase(c.left(), values);
            return new Comparison(left, c.operator(), erase(c.right(), values));
        }
        if (condition instanceof Between b) {
            Expression expression = erase(b.expression(), values);
            Expression low = erase(b.low(), values);
            return new Between(expression, low, erase(b.high(), values));
        }
        if (condition instanceof InList in) {
            Expression expression = erase(in.expression(), values);
            values.addAll(in.values());
            return new InList(expression, Collections.nCopies(in.values().size(), MARK), in.negated());
        }
        if (condition instanceof NullCheck n) {
            return new NullCheck(erase(n.expression(), values), n.negated());
        }
        if (condition instanceof Like like) {
            Expression expression = erase(like.expression(), values);
            values.add(like.pattern());
            return new Like(expression, PATTERN_MARK, like.negated());
        }
        if (condition instanceof Junction j) {
            List<Condition> parts = new ArrayList<>(j.parts().size());
            for (Condition part : j.parts()) {
                parts.add(erase(part, values));
            }
            return new Junction(j.kind(), parts);
        }
        if (condition instanceof Negation n) {
            return new Negation(erase(n.condition(), values));
        }
        if (condition instanceof io.nextorm.query.Exists exists) {
            return new io.nextorm.query.Exists(erase(exists.subquery(), values));
        }
        if (condition instanceof io.nextorm.query.InSubquery in) {
            Expression expression = erase(in.expression(), values);
            return new io.nextorm.query.InSubquery(expression, erase(in.subquery(), values), in.negated());
        }
        return (Truth) condition;
    }

    static Expression erase(Expression expression, List<Object> values) {
        if (expression instanceof Value value) {
            values.add(value.value());
            return new Value(MARK);
        }
        if (expression instanceof Arithmetic a) {
            Expression left = erase(a.left(), values);
            return new Arithmetic(left, a.operator(), erase(a.right(), values));
        }
        if (expression instanceof FunctionCall f) {
            return new FunctionCall(f.function(), erase(f.argument(), values));
        }
        if (expression instanceof io.nextorm.query.ScalarFunction f) {
            List<Expression> arguments = new ArrayList<>(f.arguments().size());
            for (Expression argument : f.arguments()) {
                arguments.add(erase(argument, values));
            }
            return new io.nextorm.query.ScalarFunction(f.kind(), arguments);
        }
        if (expression instanceof io.nextorm.query.Aggregate a) {
            return a.argument() == null ? a
                    : new io.nextorm.query.Aggregate(a.function(), erase(a.argument(), values), a.distinct());
        }
        if (expression instanceof io.nextorm.query.Subquery subquery) {
            return erase(subquery, values);
        }
        return (PropertyPath) expression;
    }

    /**
     * Erases a subquery's values in the order its rendering binds them: the selected expression, the
     * joins, then the conditions.
     */
    static io.nextorm.query.Subquery erase(io.nextorm.query.Subquery subquery, List<Object> values) {
        Expression selected = subquery.selected() == null ? null : erase(subquery.selected(), values);
        List<Join> joins = new ArrayList<>(subquery.joins().size());
        for (Join join : subquery.joins()) {
            joins.add(new Join(join.entity(), erase(join.on(), values), join.type(), join.alias()));
        }
        List<Condition> where = new ArrayList<>(subquery.where().size());
        for (Condition condition : subquery.where()) {
            where.add(erase(condition, values));
        }
        return new io.nextorm.query.Subquery(subquery.entity(), where, joins, selected, subquery.relation());
    }
}
