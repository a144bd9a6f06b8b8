package io.nextorm.internal.lambda;

import org.objectweb.asm.Type;

/**
 * A value on the abstract operand stack (or in a local variable) while a lambda body is executed
 * symbolically: an expression or a condition of the template being built, the lambda's entity
 * parameter itself, or the pending result of a {@code compareTo}/{@code LCMP}-style comparison that
 * the next conditional jump turns into a condition.
 */
sealed interface StackValue permits ExpressionTemplate, ConditionTemplate, StackValue.EntityParameter,
        StackValue.ComparisonResult, StackValue.RelationStream, StackValue.NestedLambda {

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

    /**
     * {@code relation.stream()}: what {@code anyMatch}, {@code allMatch} and {@code noneMatch} apply to.
     *
     * @param relation the Set property
     */
    record RelationStream(ExpressionTemplate.Property relation) implements StackValue {

        @Override
        public Type type() {
            return Type.getType(java.util.stream.Stream.class);
        }
    }

    /**
     * A lambda created inside the lambda ({@code s -> s.getGpa() > 3}), with the values it captured.
     *
     * @param owner the internal name of the class of its implementation method
     * @param name the implementation method
     * @param descriptor its descriptor
     * @param captured the captured values
     */
    record NestedLambda(String owner, String name, String descriptor, java.util.List<StackValue> captured)
            implements StackValue {

        @Override
        public Type type() {
            return Type.getType(java.util.function.Predicate.class);
        }
    }
}
