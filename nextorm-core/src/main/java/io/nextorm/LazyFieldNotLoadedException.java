package io.nextorm;

import java.io.Serial;

/**
 * A {@link Lazy} field (or an entity's set of related objects) was read before it was loaded: load it first with {@link AsyncDatabase#loadLazyField(Object, String)} or with {@code prefetch}.
 */
public class LazyFieldNotLoadedException extends NextOrmException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do
     */
    public LazyFieldNotLoadedException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do
     * @param cause the underlying error
     */
    public LazyFieldNotLoadedException(String message, Throwable cause) {
        super(message, cause);
    }
}
