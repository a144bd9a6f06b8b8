package io.nextorm.internal.lambda;

import org.objectweb.asm.Type;

/**
 * A value on the abstract operand stack (or in a local variable) while a lambda body is executed
 * symbolically: an expression or a condition of the template being built, the lambda's entity
 * parameter itself, or the pending result of a {@code compareTo}/{@code LCMP}-style comparison that
 * the next conditional jump turns into a condition.
 */
sealed interface StackValue permits ExpressionTemplate, ConditionTemplate, StackValue.EntityParameter,
        StackValue.ComparisonResult {

    /**
     * The JVM type of the value: decides slot sizes and whether an int is a boolean.
     *
     * @return the type
     */
    Type type();

    /**
     * The lambda's parameter: the entity a row stands for.
     *
     * @param entity the queried entity class
     */
    record EntityParameter(Class<?> entity) implements StackValue {

        @Override
        public Type type() {
            return Type.getType(entity);
        }
    }

    /**
     * The int that {@code LCMP}, {@code DCMPL} or {@code compareTo} leaves: negative, zero or
     * positive as {@code left} is less than, equal to or greater than {@code right}.
     *
     * @param left the left operand
     * @param right the right operand
     */
    record ComparisonResult(ExpressionTemplate left, ExpressionTemplate right) implements StackValue {

        @Override
        public Type type() {
            return Type.INT_TYPE;
        }
    }
}
