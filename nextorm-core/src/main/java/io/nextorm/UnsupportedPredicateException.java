package io.nextorm;

import java.io.Serial;

/**
 * A {@link Where} lambda uses a method or an instruction that cannot be translated to SQL. nextorm never falls back to filtering in memory: rewrite the lambda or use {@link AsyncQuerySet#filter}.
 */
public class UnsupportedPredicateException extends NextOrmException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do
     */
    public UnsupportedPredicateException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do
     * @param cause the underlying error
     */
    public UnsupportedPredicateException(String message, Throwable cause) {
        super(message, cause);
    }
}
