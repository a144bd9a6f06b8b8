package io.nextorm;

import java.io.Serial;

/**
 * {@link AsyncQuerySet#get()} or {@link AsyncQuerySet#getOrRaise()} found two or more rows where at most one was expected.
 */
public class MultipleObjectsFoundException extends NextOrmException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do
     */
    public MultipleObjectsFoundException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do
     * @param cause the underlying error
     */
    public MultipleObjectsFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
