package io.nextorm.spi;

/**
 * Told about every statement a database sends, once it finished: the hook metrics are built on
 * (the Spring Boot starter turns it into Micrometer meters). Called on the thread that completed
 * the statement; implementations must be fast and must not block. Added with
 * {@code AsyncDatabase.addStatementListener} (also before {@code bind}), removed with
 * {@code AsyncDatabase.removeStatementListener}.
 *
 * <pre>{@code
 * db.addStatementListener(info -> {
 *     if (info.duration().toMillis() > 500) log.warn("slow: {}", info.sql());
 * });
 * }</pre>
 */
@FunctionalInterface
public interface StatementListener {

    /**
     * A statement finished.
     *
     * @param statement what was sent, how long it took, how many rows, and its error if any
     */
    void executed(StatementInfo statement);
}
