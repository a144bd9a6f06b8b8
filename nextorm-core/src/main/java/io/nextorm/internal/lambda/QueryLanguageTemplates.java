package io.nextorm.internal.lambda;

import io.nextorm.query.Aggregate;
import io.nextorm.query.Condition;
import io.nextorm.query.Exists;
import io.nextorm.query.Expression;
import io.nextorm.query.InSubquery;
import io.nextorm.query.PropertyPath;
import io.nextorm.query.ScalarFunction;
import io.nextorm.query.Subquery;
import io.nextorm.query.Value;
import io.nextorm.internal.lambda.ExpressionTemplate.Property;
import org.objectweb.asm.Type;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The templates of PonyORM's query language in lambdas: aggregates and quantifiers over a
 * {@code Set} relation, SQL functions of several arguments, and sub-expressions that do not read
 * the lambda's parameter, which are evaluated in Java each time the template is bound (each
 * execution), so the cached template stays valid while their values change.
 */
final class QueryLanguageTemplates {

    private QueryLanguageTemplates() {
    }

    private static Subquery relationRows(Property relation, Binding binding, Class<?> element, Condition where,
                                     Expression selected) {
        PropertyPath path = (PropertyPath) relation.bind(binding);
        return Subquery.ofRelation(path, element, where, selected);
    }

    /**
     * {@code relation.size()}: the number of elements, a correlated COUNT.
     *
     * @param relation the Set property
     */
    record SetCount(Property relation) implements ExpressionTemplate {

        @Override
        public Type type() {
            return Type.INT_TYPE;
        }

        @Override
        public Expression bind(Binding binding) {
            return relationRows(relation, binding, relation.valueType(), null,
                    new Aggregate(Aggregate.Function.COUNT, null, false));
        }

        @Override
        public boolean readsProperty() {
            return true;
        }

        @Override
        public boolean isValue() {
            return false;
        }
    }

    /**
     * An element of the relation satisfies {@code elements} (EXISTS), or, with a {@code member}, the
     * member is one of the elements; {@code negated} for NOT.
     *
     * @param relation the Set property
     * @param elements the condition on the elements, rooted at the element entity, or null
     * @param member the value tested for membership, or null
     * @param negated true for NOT EXISTS / NOT IN
     * @param violated true to test the elements that do NOT satisfy {@code elements} (for allMatch), written
     *                 as SQL's {@code NOT (...)} exactly like {@code SetAttribute.allMatch}
     */
    record SetTest(Property relation, ConditionTemplate elements, ExpressionTemplate member, boolean negated,
                   boolean violated) implements ConditionTemplate {

        @Override
        public Condition bind(Binding binding) {
            Class<?> element = relation.valueType();
            Condition where = elements == null ? null : elements.bind(binding.withRoot(element));
            if (where != null && violated) {
                where = where.not();
            }
            Condition test = member != null
                    ? new InSubquery(member.bind(binding), relationRows(relation, binding, element, where, null), false)
                    : new Exists(relationRows(relation, binding, element, where, null));
            return negated ? test.not() : test;
        }

        @Override
        public ConditionTemplate negate() {
            return new SetTest(relation, elements, member, !negated, violated);
        }
    }

    /**
     * An SQL function of several arguments; computed in Java when every argument is a value.
     *
     * @param kind the function
     * @param arguments its arguments
     * @param type the JVM type of its result
     */
    record Function(ScalarFunction.Kind kind, List<ExpressionTemplate> arguments, Type type)
            implements ExpressionTemplate {

        @Override
        public Expression bind(Binding binding) {
            List<Expression> bound = new ArrayList<>(arguments.size());
            boolean values = true;
            for (ExpressionTemplate argument : arguments) {
                Expression expression = argument.bind(binding);
                values &= expression instanceof Value;
                bound.add(expression);
            }
            if (values && kind == ScalarFunction.Kind.CONCAT) {
                StringBuilder text = new StringBuilder();
                bound.forEach(value -> text.append(((Value) value).value()));
                return new Value(text.toString());
            }
            return new ScalarFunction(kind, bound);
        }

        @Override
        public boolean readsProperty() {
            return arguments.stream().anyMatch(ExpressionTemplate::readsProperty);
        }

        @Override
        public boolean isValue() {
            return false;
        }
    }

    /**
     * A call that reads no property of the row ({@code LocalDate.of(2020, 1, 1)}, a method of a captured
     * object): made in Java each time the template is bound, and its result bound as a parameter.
     *
     * @param method the method
     * @param receiver the receiver, or null for a static method
     * @param arguments the arguments, all values
     * @param type the JVM return type
     * @param where the lambda's location, for messages
     */
    record Evaluated(Method method, ExpressionTemplate receiver, List<ExpressionTemplate> arguments, Type type,
                     String where) implements ExpressionTemplate.KnownValue {

        @Override
        public Expression bind(Binding binding) {
            Object target = receiver == null ? null : ((Value) receiver.bind(binding)).value();
            Object[] values = new Object[arguments.size()];
            Class<?>[] parameterTypes = method.getParameterTypes();
            for (int i = 0; i < values.length; i++) {
                Object value = ((Value) arguments.get(i).bind(binding)).value();
                values[i] = parameterTypes[i].isPrimitive() && value != null
                        ? Values.convert(value, Type.getType(parameterTypes[i])) : value;
            }
            if (receiver != null && target == null) {
                throw new IllegalArgumentException("The where() lambda at " + where + " calls " + method.getName()
                        + "() on a captured value that is null");
            }
            try {
                return new Value(method.invoke(target, values));
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException("The where() lambda at " + where + " calls " + method.getName()
                        + "(), which nextorm evaluates in Java before the query, and it threw " + e.getCause(), e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot call " + method + " for the where() lambda at " + where, e);
            }
        }
    }

    /**
     * A static field that is not final: read each time the template is bound.
     *
     * @param field the field, made accessible
     */
    record StaticField(Field field) implements ExpressionTemplate.KnownValue {

        @Override
        public Type type() {
            return Type.getType(field.getType());
        }

        @Override
        public Expression bind(Binding binding) {
            try {
                return new Value(field.get(null));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read the static field " + field, e);
            }
        }
    }
}
