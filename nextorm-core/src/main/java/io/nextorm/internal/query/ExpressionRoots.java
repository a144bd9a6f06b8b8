package io.nextorm.internal.query;

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

import java.util.Set;

/**
 * The entities a query's expressions start from (the roots of their property paths, unaliased),
 * so that a projection over several entities can select from each of them. A subquery contributes
 * only the enclosing entity it is correlated with.
 */
public final class ExpressionRoots {

    private ExpressionRoots() {
    }

    /**
     * Adds the roots of an expression.
     *
     * @param expression the expression
     * @param roots where to add them, in order of appearance
     */
    public static void collect(Expression expression, Set<Class<?>> roots) {
        if (expression instanceof PropertyPath path) {
            if (path.alias() == null) {
                roots.add(path.root());
            }
        } else if (expression instanceof Arithmetic a) {
            collect(a.left(), roots);
            collect(a.right(), roots);
        } else if (expression instanceof FunctionCall f) {
            collect(f.argument(), roots);
        } else if (expression instanceof ScalarFunction f) {
            f.arguments().forEach(argument -> collect(argument, roots));
        } else if (expression instanceof Aggregate a && a.argument() != null) {
            collect(a.argument(), roots);
        } else if (expression instanceof Subquery s && s.relation() != null) {
            collect(s.relation(), roots);
        }
    }

    /**
     * Adds the roots of a condition.
     *
     * @param condition the condition
     * @param roots where to add them
     */
    public static void collect(Condition condition, Set<Class<?>> roots) {
        if (condition instanceof Comparison c) {
            collect(c.left(), roots);
            collect(c.right(), roots);
        } else if (condition instanceof Between b) {
            collect(b.expression(), roots);
            collect(b.low(), roots);
            collect(b.high(), roots);
        } else if (condition instanceof InList in) {
            collect(in.expression(), roots);
        } else if (condition instanceof NullCheck n) {
            collect(n.expression(), roots);
        } else if (condition instanceof Like like) {
            collect(like.expression(), roots);
        } else if (condition instanceof Junction j) {
            j.parts().forEach(part -> collect(part, roots));
        } else if (condition instanceof Negation n) {
            collect(n.condition(), roots);
        } else if (condition instanceof InSubquery in) {
            collect(in.expression(), roots);
            collect(in.subquery(), roots);
        } else if (condition instanceof Exists e) {
            collect(e.subquery(), roots);
        }
    }
}
