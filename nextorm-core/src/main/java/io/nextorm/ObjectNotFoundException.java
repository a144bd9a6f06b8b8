package io.nextorm;

import java.io.Serial;

/**
 * {@link AsyncQuerySet#getOrRaise()} found no row.
 */
public class ObjectNotFoundException extends NextOrmException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do
     */
    public ObjectNotFoundException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do
     * @param cause the underlying error
     */
    public ObjectNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
