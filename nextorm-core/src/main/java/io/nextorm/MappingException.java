package io.nextorm;

import java.io.Serial;

/**
 * An entity class cannot be mapped: a missing primary key, an unsupported field type, a relation without (or with two) reverse sides. The message names the class and the field.
 */
public class MappingException extends NextOrmException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do
     */
    public MappingException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do
     * @param cause the underlying error
     */
    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
