package io.nextorm.internal.sql;

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
import java.util.List;

/**
 * Collects the property paths a condition or an expression reads (not those inside a subquery,
 * which belong to it): what a renderer needs to know which joins a statement takes.
 */
final class PathCollector {

    private PathCollector() {
    }

    static void collect(Condition condition, List<Expression> out) {
        if (condition instanceof Comparison c) {
            collect(c.left(), out);
            collect(c.right(), out);
        } else if (condition instanceof Between b) {
            collect(b.expression(), out);
            collect(b.low(), out);
            collect(b.high(), out);
        } else if (condition instanceof InList in) {
            collect(in.expression(), out);
        } else if (condition instanceof NullCheck n) {
            collect(n.expression(), out);
        } else if (condition instanceof Like like) {
            collect(like.expression(), out);
        } else if (condition instanceof Junction j) {
            j.parts().forEach(p -> collect(p, out));
        } else if (condition instanceof Negation n) {
            collect(n.condition(), out);
        } else if (condition instanceof io.nextorm.query.InSubquery in) {
            collect(in.expression(), out);
        }
    }

    static void collect(Expression expression, List<Expression> out) {
        if (expression instanceof PropertyPath p) {
            out.add(p);
        } else if (expression instanceof Arithmetic a) {
            collect(a.left(), out);
            collect(a.right(), out);
        } else if (expression instanceof FunctionCall f) {
            collect(f.argument(), out);
        } else if (expression instanceof io.nextorm.query.ScalarFunction f) {
            f.arguments().forEach(argument -> collect(argument, out));
        } else if (expression instanceof io.nextorm.query.Aggregate a && a.argument() != null) {
            collect(a.argument(), out);
        }
    }

}
