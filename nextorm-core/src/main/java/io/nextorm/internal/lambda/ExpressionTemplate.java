package io.nextorm.internal.lambda;

import io.nextorm.query.Arithmetic;
import io.nextorm.query.Expression;
import io.nextorm.query.FunctionCall;
import io.nextorm.query.PropertyPath;
import io.nextorm.query.Value;
import org.objectweb.asm.Type;

import java.lang.reflect.Field;
import java.util.List;

/**
 * An expression of a lambda's translation, before its captured variables are known. Binding it with
 * the captured values gives the {@link Expression} of the query tree; parts that depend on captured
 * values only (a captured number times two) are computed in Java then, and become one parameter.
 */
sealed interface ExpressionTemplate extends StackValue permits ExpressionTemplate.Property,
        ExpressionTemplate.Conversion,
        ExpressionTemplate.Calculation, ExpressionTemplate.SqlFunction, QueryLanguageTemplates.SetCount,
        QueryLanguageTemplates.Function, ExpressionTemplate.KnownValue {

    /**
     * A value known before the query runs, computed in Java when the template is bound: a constant,
     * a captured variable, a field or method result of those, a static field.
     */
    sealed interface KnownValue extends ExpressionTemplate permits Constant, Captured, CapturedField,
            QueryLanguageTemplates.Evaluated, QueryLanguageTemplates.StaticField {

        @Override
        default boolean readsProperty() {
            return false;
        }

        @Override
        default boolean isValue() {
            return true;
        }
    }

    /**
     * The expression for one set of captured values.
     *
     * @param binding the captured values
     * @return the expression
     */
    Expression bind(Binding binding);

    /**
     * Whether the expression reads a property of the entity, so that the database computes it.
     *
     * @return true when a property is involved
     */
    boolean readsProperty();

    /**
     * Whether the expression always binds to a {@link Value}: a constant, a captured variable, or
     * something computed from those in Java.
     *
     * @return true for a value known before the query runs
     */
    boolean isValue();

    /**
     * A type conversion ({@code I2L}, {@code longValue()}, ...): folded for a constant, a no-op for
     * what the database computes, applied in Java at binding for a captured value.
     *
     * @param value the converted expression
     * @param type the target type
     * @return the converted expression
     */
    static ExpressionTemplate convert(ExpressionTemplate value, Type type) {
        if (value instanceof Constant constant) {
            return new Constant(Values.convert(constant.value(), type), type);
        }
        if (value.type().equals(type)) {
            return value;
        }
        if (value instanceof Conversion conversion) {
            return new Conversion(conversion.value(), type);
        }
        return new Conversion(value, type);
    }

    /**
     * A property reached from the entity parameter: {@code [title]} or {@code [author, name]}.
     *
     * @param names the property names from the entity
     * @param javaType the declared type of the last property ({@code long}, {@code Lazy},
     *                 {@code Author}); for a lazy property after {@code get()} its value type
     * @param valueType the property's value type: the entity of a reference, {@code T} of a
     *                  {@code Lazy<T>}, the boxed type of a primitive
     */
    record Property(List<String> names, Class<?> javaType, Class<?> valueType) implements ExpressionTemplate {

        @Override
        public Type type() {
            return Type.getType(javaType);
        }

        @Override
        public Expression bind(Binding binding) {
            return new PropertyPath(binding.root(), null, names);
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
     * A constant of the lambda's code: a literal, an enum constant, a static final field.
     *
     * @param value the constant, null for {@code null}
     * @param type its JVM type
     */
    record Constant(Object value, Type type) implements KnownValue {

        @Override
        public Expression bind(Binding binding) {
            return new Value(value);
        }
    }

    /**
     * A variable the lambda captured (the enclosing {@code this} included).
     *
     * @param index its index among the captured arguments
     * @param type its declared type
     */
    record Captured(int index, Type type) implements KnownValue {

        @Override
        public Expression bind(Binding binding) {
            return new Value(binding.captured(index));
        }
    }

    /**
     * A field of a captured object ({@code this.minViews}), read when the template is bound.
     *
     * @param owner the captured object
     * @param field the field, made accessible
     */
    record CapturedField(ExpressionTemplate owner, Field field) implements KnownValue {

        @Override
        public Type type() {
            return Type.getType(field.getType());
        }

        @Override
        public Expression bind(Binding binding) {
            Object target = ((Value) owner.bind(binding)).value();
            if (target == null) {
                throw new IllegalArgumentException("A where() lambda reads the field " + field.getName()
                        + " of a captured value that is null");
            }
            try {
                return new Value(field.get(target));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read the captured field " + field, e);
            }
        }
    }

    /**
     * A conversion of a captured value or of a database expression to another number type.
     *
     * @param value the converted expression
     * @param type the target type
     */
    record Conversion(ExpressionTemplate value, Type type) implements ExpressionTemplate {

        @Override
        public Expression bind(Binding binding) {
            Expression bound = value.bind(binding);
            return bound instanceof Value v ? new Value(Values.convert(v.value(), type)) : bound;
        }

        @Override
        public boolean readsProperty() {
            return value.readsProperty();
        }

        @Override
        public boolean isValue() {
            return value.isValue();
        }
    }

    /**
     * Arithmetic; computed in Java when both operands are values, else by the database.
     *
     * @param left the left operand
     * @param operator the operator
     * @param right the right operand
     * @param type the JVM type of the operation (int, long, float or double)
     */
    record Calculation(ExpressionTemplate left, Arithmetic.Operator operator,
                      ExpressionTemplate right, Type type) implements ExpressionTemplate {

        @Override
        public Expression bind(Binding binding) {
            Expression l = left.bind(binding);
            Expression r = right.bind(binding);
            if (l instanceof Value lv && r instanceof Value rv) {
                return new Value(Values.compute(lv.value(), operator, rv.value(), type));
            }
            return new Arithmetic(l, operator, r);
        }

        @Override
        public boolean readsProperty() {
            return left.readsProperty() || right.readsProperty();
        }

        @Override
        public boolean isValue() {
            return left.isValue() && right.isValue();
        }
    }

    /**
     * An SQL function of an expression: {@code LOWER}, {@code UPPER}, {@code LENGTH}.
     *
     * @param function the function
     * @param argument its argument
     */
    record SqlFunction(FunctionCall.Function function, ExpressionTemplate argument) implements ExpressionTemplate {

        @Override
        public Type type() {
            return function == FunctionCall.Function.LENGTH ? Type.INT_TYPE : Type.getType(String.class);
        }

        @Override
        public Expression bind(Binding binding) {
            return new FunctionCall(function, argument.bind(binding));
        }

        @Override
        public boolean readsProperty() {
            return argument.readsProperty();
        }

        @Override
        public boolean isValue() {
            return false;
        }
    }
}
