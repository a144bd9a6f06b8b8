package io.nextorm.spi;

import io.nextorm.OptimisticCheckException;

/**
 * Told about the sessions of a database and the ends of their transactions: the hook the session
 * metrics are built on (the Spring Boot starter counts them as Micrometer meters). Register one with
 * {@code AsyncDatabase.addSessionListener}. Every method has an empty default; implementations must
 * be fast and must not block, since they run on the thread that delivered the signal.
 *
 * <pre>{@code
 * db.addSessionListener(new SessionListener() {
 *     public void rolledBack() { rollbacks.increment(); }
 * });
 * }</pre>
 */
public interface SessionListener {

    /**
     * A session began: {@code db.session(...)} got its transaction (not a session that joined an
     * outer session of the same database).
     */
    default void sessionStarted() {
    }

    /**
     * A session's transaction committed: at the end of {@code db.session(...)} or with
     * {@code db.acommit()}. A session that joined a transaction that it did not begin (a Spring
     * transaction) counts when it ends; that transaction's own commit comes later.
     */
    default void committed() {
    }

    /**
     * A session's transaction was rolled back: the session's work failed or was cancelled, its
     * commit failed, or {@code db.arollback()} was called.
     */
    default void rolledBack() {
    }

    /**
     * An optimistic check failed: an UPDATE or DELETE found its row changed or gone, in a session's
     * flush or in {@code asave}/{@code adeleteInstance} (in or outside a session).
     *
     * @param exception the exception about to be raised
     */
    default void optimisticCheckFailed(OptimisticCheckException exception) {
    }
}
