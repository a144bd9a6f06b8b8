package io.nextorm;

import java.io.Serial;

/**
 * The root of nextorm's own (unchecked) exceptions. Misuse of an argument or of call order is reported with Java's {@link IllegalArgumentException} and {@link IllegalStateException} instead.
 */
public class NextOrmException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do
     */
    public NextOrmException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do
     * @param cause the underlying error
     */
    public NextOrmException(String message, Throwable cause) {
        super(message, cause);
    }
}
