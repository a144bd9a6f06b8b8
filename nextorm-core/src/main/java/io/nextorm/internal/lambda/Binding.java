package io.nextorm.internal.lambda;

/**
 * What a template is bound with to become a condition: the queried entity and the values a lambda
 * captured, in the order of {@link java.lang.invoke.SerializedLambda#getCapturedArg(int)}.
 */
final class Binding {

    private final Class<?> root;
    private final Object[] captured;

    Binding(Class<?> root, Object[] captured) {
        this.root = root;
        this.captured = captured;
    }

    Class<?> root() {
        return root;
    }

    /**
     * The same captured values, for a lambda nested in the lambda whose parameter is another entity.
     */
    Binding withRoot(Class<?> newRoot) {
        return new Binding(newRoot, captured);
    }

    Object captured(int index) {
        return captured[index];
    }
}
