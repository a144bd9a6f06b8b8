package io.nextorm.internal.session;

import io.nextorm.OptimisticCheckException;
import io.nextorm.spi.SessionListener;

import java.util.List;

/**
 * Tells the session listeners of a database about sessions, commits, rollbacks and optimistic
 * check failures. The list is read at each event, so a thread-safe list that the owner keeps adding
 * to (the database's {@code CopyOnWriteArrayList}) reaches listeners added later.
 */
final class SessionEvents {

    private volatile List<SessionListener> listeners = List.of();

    void setListeners(List<SessionListener> listeners) {
        if (listeners == null) {
            throw new IllegalArgumentException("setSessionListeners() needs a list, got null");
        }
        this.listeners = listeners;
    }

    void sessionStarted() {
        for (SessionListener listener : listeners) {
            listener.sessionStarted();
        }
    }

    void committed() {
        for (SessionListener listener : listeners) {
            listener.committed();
        }
    }

    void rolledBack() {
        for (SessionListener listener : listeners) {
            listener.rolledBack();
        }
    }

    /**
     * Tells the listeners about an optimistic check failure, and returns the exception to raise.
     *
     * @param exception the exception
     * @return the same exception
     */
    OptimisticCheckException optimisticCheckFailed(OptimisticCheckException exception) {
        for (SessionListener listener : listeners) {
            listener.optimisticCheckFailed(exception);
        }
        return exception;
    }
}
