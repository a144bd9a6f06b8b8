package io.nextorm.internal.lambda;

import io.nextorm.query.Comparison;
import io.nextorm.query.Condition;
import io.nextorm.query.Expression;
import io.nextorm.query.InList;
import io.nextorm.query.Junction;
import io.nextorm.query.Like;
import io.nextorm.query.NullCheck;
import io.nextorm.query.Truth;
import io.nextorm.query.Value;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A condition of a lambda's translation, before its captured variables are known: what the
 * translator caches per lambda body. {@link #bind(Binding)} gives the {@link Condition} for one set
 * of captured values; parts that depend on captured values only are decided then, so
 * {@code a -> name == null || a.getName().equals(name)} becomes {@code TRUE} or {@code name = ?}.
 *
 * <p>Templates are kept in negation normal form: {@link #negate()} pushes a NOT down to the leaves,
 * which all have an exact opposite ({@code >} and {@code <=}, LIKE and NOT LIKE, ...).
 */
sealed interface ConditionTemplate extends StackValue permits ConditionTemplate.Compare, ConditionTemplate.NullTest,
        ConditionTemplate.LikeTest, ConditionTemplate.InTest, ConditionTemplate.BooleanTest, ConditionTemplate.Combination,
        ConditionTemplate.Fixed, QueryLanguageTemplates.SetTest {

    @Override
    default Type type() {
        return Type.BOOLEAN_TYPE;
    }

    /**
     * The condition for one set of captured values.
     *
     * @param binding the captured values
     * @return the condition
     */
    Condition bind(Binding binding);

    /**
     * The condition that holds exactly when this one does not.
     *
     * @return the negation, in negation normal form
     */
    ConditionTemplate negate();

    /**
     * A comparison, with a property on the left where there is one; constants are decided at once.
     *
     * @param left the left operand
     * @param operator the operator
     * @param right the right operand
     * @return the comparison
     */
    static ConditionTemplate compare(ExpressionTemplate left, Comparison.Operator operator, ExpressionTemplate right) {
        if (left instanceof ExpressionTemplate.Constant l && right instanceof ExpressionTemplate.Constant r) {
            return Fixed.of(Values.holds(l.value(), operator, r.value()));
        }
        if (!left.readsProperty() && right.readsProperty()) {
            return new Compare(right, operator.mirror(), left);
        }
        return new Compare(left, operator, right);
    }

    /**
     * Both conditions.
     *
     * @param first the first condition
     * @param second the second condition
     * @return the conjunction, flattened
     */
    static ConditionTemplate and(ConditionTemplate first, ConditionTemplate second) {
        return combine(Junction.Kind.AND, first, second);
    }

    /**
     * Either condition.
     *
     * @param first the first condition
     * @param second the second condition
     * @return the disjunction, flattened
     */
    static ConditionTemplate or(ConditionTemplate first, ConditionTemplate second) {
        return combine(Junction.Kind.OR, first, second);
    }

    private static ConditionTemplate combine(Junction.Kind kind, ConditionTemplate first, ConditionTemplate second) {
        Fixed neutral = kind == Junction.Kind.AND ? Fixed.TRUE : Fixed.FALSE;
        if (first == neutral) {
            return second;
        }
        if (second == neutral) {
            return first;
        }
        if (first == neutral.negate() || second == neutral.negate()) {
            return neutral.negate();
        }
        List<ConditionTemplate> parts = new ArrayList<>();
        for (ConditionTemplate part : List.of(first, second)) {
            if (part instanceof Combination c && c.kind() == kind) {
                parts.addAll(c.parts());
            } else {
                parts.add(part);
            }
        }
        return new Combination(kind, parts);
    }

    /**
     * A comparison of two expressions. Equality with a null value binds to IS NULL, as
     * {@code Article_.title.eq(null)} does.
     *
     * @param left the left operand; the property side when there is one
     * @param operator the operator
     * @param right the right operand
     */
    record Compare(ExpressionTemplate left, Comparison.Operator operator, ExpressionTemplate right)
            implements ConditionTemplate {

        @Override
        public Condition bind(Binding binding) {
            Expression l = left.bind(binding);
            Expression r = right.bind(binding);
            if (l instanceof Value lv && r instanceof Value rv) {
                return truth(Values.holds(lv.value(), operator, rv.value()));
            }
            boolean equality = operator == Comparison.Operator.EQ || operator == Comparison.Operator.NE;
            if (isNull(r) || isNull(l)) {
                if (!equality) {
                    throw new IllegalArgumentException("A where() lambda compares " + (isNull(r) ? l : r) + " "
                            + operator.symbol() + " null: no value compares with NULL; test it with == null");
                }
                return new NullCheck(isNull(r) ? l : r, operator == Comparison.Operator.NE);
            }
            return new Comparison(l, operator, r);
        }

        @Override
        public ConditionTemplate negate() {
            return new Compare(left, operator.negate(), right);
        }

        private static boolean isNull(Expression expression) {
            return expression instanceof Value value && value.value() == null;
        }
    }

    /**
     * IS NULL or IS NOT NULL; decided in Java for a captured value.
     *
     * @param value the tested expression
     * @param negated true for IS NOT NULL
     */
    record NullTest(ExpressionTemplate value, boolean negated) implements ConditionTemplate {

        @Override
        public Condition bind(Binding binding) {
            Expression bound = value.bind(binding);
            if (bound instanceof Value v) {
                return truth((v.value() == null) != negated);
            }
            return new NullCheck(bound, negated);
        }

        @Override
        public ConditionTemplate negate() {
            return new NullTest(value, !negated);
        }
    }

    /**
     * {@code startsWith}, {@code endsWith} or {@code contains} of a string: LIKE with the argument
     * escaped, the pattern built when the captured argument is known.
     *
     * @param value the tested string
     * @param kind which method
     * @param text the argument, a value
     * @param negated true for NOT LIKE
     */
    record LikeTest(ExpressionTemplate value, Kind kind, ExpressionTemplate text, boolean negated)
            implements ConditionTemplate {

        @Override
        public Condition bind(Binding binding) {
            Object argument = ((Value) text.bind(binding)).value();
            if (argument == null) {
                throw new IllegalArgumentException("A where() lambda calls " + kind.method + "(null) on " + value
                        + " (Java would throw a NullPointerException); test for null with == null");
            }
            String escaped = Like.escape(argument.toString());
            String pattern = switch (kind) {
                case STARTS_WITH -> escaped + "%";
                case ENDS_WITH -> "%" + escaped;
                case CONTAINS -> "%" + escaped + "%";
            };
            return new Like(value.bind(binding), pattern, negated);
        }

        @Override
        public ConditionTemplate negate() {
            return new LikeTest(value, kind, text, !negated);
        }

        /** The string method a LIKE comes from. */
        enum Kind {
            /** {@code String.startsWith(String)}. */
            STARTS_WITH("startsWith"),
            /** {@code String.endsWith(String)}. */
            ENDS_WITH("endsWith"),
            /** {@code String.contains(CharSequence)}. */
            CONTAINS("contains");

            private final String method;

            Kind(String method) {
                this.method = method;
            }
        }
    }

    /**
     * {@code values.contains(expression)} of a captured collection: IN of its elements at binding.
     *
     * @param value the tested expression
     * @param collection the collection, a value
     * @param negated true for NOT IN
     */
    record InTest(ExpressionTemplate value, ExpressionTemplate collection, boolean negated)
            implements ConditionTemplate {

        @Override
        public Condition bind(Binding binding) {
            Object values = ((Value) collection.bind(binding)).value();
            if (!(values instanceof Collection<?> elements)) {
                throw new IllegalArgumentException("A where() lambda calls contains(" + value + ") on "
                        + (values == null ? "a null collection" : "a " + values.getClass().getName()));
            }
            Expression bound = value.bind(binding);
            if (bound instanceof Value v) {
                return truth(elements.contains(v.value()) != negated);
            }
            return new InList(bound, new ArrayList<>(elements), negated);
        }

        @Override
        public ConditionTemplate negate() {
            return new InTest(value, collection, !negated);
        }
    }

    /**
     * A boolean used as a condition: a boolean property is {@code = TRUE} (or {@code = FALSE} when
     * negated), a captured boolean is decided at binding.
     *
     * @param value the boolean expression
     * @param expected the value that makes the condition hold
     */
    record BooleanTest(ExpressionTemplate value, boolean expected) implements ConditionTemplate {

        @Override
        public Condition bind(Binding binding) {
            Expression bound = value.bind(binding);
            if (bound instanceof Value v) {
                if (!(v.value() instanceof Boolean b)) {
                    throw new IllegalArgumentException("A where() lambda uses " + v.value()
                            + " as a boolean (Java would throw a NullPointerException for null)");
                }
                return truth(b == expected);
            }
            return new Comparison(bound, Comparison.Operator.EQ, new Value(expected));
        }

        @Override
        public ConditionTemplate negate() {
            return new BooleanTest(value, !expected);
        }
    }

    /**
     * Conditions joined by AND or OR; parts decided at binding drop out.
     *
     * @param kind AND or OR
     * @param parts the parts, at least two, none of the same kind
     */
    record Combination(Junction.Kind kind, List<ConditionTemplate> parts) implements ConditionTemplate {

        /**
         * Copies the parts.
         */
        public Combination {
            parts = List.copyOf(parts);
        }

        @Override
        public Condition bind(Binding binding) {
            Truth neutral = kind == Junction.Kind.AND ? Truth.TRUE : Truth.FALSE;
            Truth absorbing = neutral == Truth.TRUE ? Truth.FALSE : Truth.TRUE;
            List<Condition> bound = new ArrayList<>(parts.size());
            for (ConditionTemplate part : parts) {
                Condition condition = part.bind(binding);
                if (condition == absorbing) {
                    return absorbing;
                }
                if (condition != neutral) {
                    bound.add(condition);
                }
            }
            return Junction.of(kind, bound);
        }

        @Override
        public ConditionTemplate negate() {
            ConditionTemplate negated = null;
            for (ConditionTemplate part : parts) {
                ConditionTemplate opposite = part.negate();
                negated = negated == null ? opposite
                        : kind == Junction.Kind.AND ? or(negated, opposite) : and(negated, opposite);
            }
            return negated;
        }
    }

    /**
     * A condition known without the database.
     */
    enum Fixed implements ConditionTemplate {
        /** Always holds. */
        TRUE,
        /** Never holds. */
        FALSE;

        static Fixed of(boolean value) {
            return value ? TRUE : FALSE;
        }

        @Override
        public Condition bind(Binding binding) {
            return this == TRUE ? Truth.TRUE : Truth.FALSE;
        }

        @Override
        public Fixed negate() {
            return this == TRUE ? FALSE : TRUE;
        }
    }

    private static Condition truth(boolean value) {
        return value ? Truth.TRUE : Truth.FALSE;
    }
}
