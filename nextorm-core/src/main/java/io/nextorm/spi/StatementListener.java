package io.nextorm.spi;

import io.nextorm.internal.sql.SqlStatement;

import java.time.Duration;

/**
 * Told about every statement a database sends, once it finished: the hook metrics are built on
 * (the Spring Boot starter turns it into Micrometer meters). Called on the thread that completed
 * the statement; implementations must be fast and must not block.
 */
@FunctionalInterface
public interface StatementListener {

    /**
     * A statement finished.
     *
     * @param statement the statement as sent (SQL text, kind, entity)
     * @param key the statement's statistics key (IN lists collapsed)
     * @param time how long it took, from sending to its last row
     * @param rows rows returned or affected
     * @param error the error it failed with, or null
     */
    void executed(SqlStatement statement, String key, Duration time, long rows, Throwable error);
}
