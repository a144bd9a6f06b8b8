package io.nextorm;

import java.io.Serial;

/**
 * A transaction could not be begun, committed or rolled back, or a transactional operation was called where no transaction is active.
 */
public class TransactionException extends NextOrmException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do
     */
    public TransactionException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do
     * @param cause the underlying error
     */
    public TransactionException(String message, Throwable cause) {
        super(message, cause);
    }
}
