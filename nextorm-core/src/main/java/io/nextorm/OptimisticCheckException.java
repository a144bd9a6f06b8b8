package io.nextorm;

import java.io.Serial;

/**
 * An UPDATE or DELETE found the row changed (or gone) since it was read: another transaction got there first. The session that sent it is rolled back; nothing is written silently over the other change.
 */
public class OptimisticCheckException extends NextOrmException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do
     */
    public OptimisticCheckException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do
     * @param cause the underlying error
     */
    public OptimisticCheckException(String message, Throwable cause) {
        super(message, cause);
    }
}
