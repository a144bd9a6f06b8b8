package io.nextorm.spring.boot.autoconfigure;

import io.nextorm.NextOrmException;

/**
 * Why the auto-configured {@link io.nextorm.AsyncDatabase} could not start; the
 * {@link StartupFailureAnalyzer} turns it into a description and an action.
 */
public class NextOrmStartupException extends NextOrmException {

    /** What went wrong. */
    public enum Reason {
        /** No {@code @Entity} class in the entity packages. */
        NO_ENTITIES,
        /** The database is one nextorm has no dialect for. */
        UNSUPPORTED_DATABASE,
        /** The database could not be reached within {@code nextorm.startup-timeout}. */
        UNREACHABLE_DATABASE
    }

    private final Reason reason;

    /**
     * A startup failure.
     *
     * @param reason what went wrong
     * @param message what was wrong, with the details
     * @param cause the underlying error, or null
     */
    public NextOrmStartupException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /**
     * What went wrong.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
