package io.nextorm.spi;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link StatementListener} is told about one finished statement: an immutable value that
 * carries no bound values (they may be personal data).
 *
 * <pre>{@code
 * db.addStatementListener(info -> timers.computeIfAbsent(info.operation(), ...).record(info.duration()));
 * }</pre>
 *
 * @param sql the SQL text as sent, with the driver's parameter markers and no values
 * @param key the statement's statistics key (IN lists collapsed), the key of {@code localStats()}
 * @param operation what the statement did, in lower case: {@code select}, {@code insert},
 *                  {@code update}, {@code delete}, {@code ddl} or {@code other}
 * @param entity the name of the entity it was about, or null (hand-written SQL, DDL)
 * @param duration how long it took, from sending to its last row
 * @param rows rows returned or affected
 * @param error the error it failed with, or null when it succeeded (or was cancelled)
 */
public record StatementInfo(String sql, String key, String operation, @Nullable String entity, Duration duration,
                            long rows, @Nullable Throwable error) {

    /**
     * Checks the parts.
     *
     * @throws NullPointerException for a null {@code sql}, {@code key}, {@code operation} or {@code duration}
     * @throws IllegalArgumentException for a negative row count or duration
     */
    public StatementInfo {
        Objects.requireNonNull(sql, "StatementInfo needs the SQL text");
        Objects.requireNonNull(key, "StatementInfo needs the statistics key");
        Objects.requireNonNull(operation, "StatementInfo needs the operation");
        Objects.requireNonNull(duration, "StatementInfo needs the duration");
        if (rows < 0 || duration.isNegative()) {
            throw new IllegalArgumentException("StatementInfo needs rows >= 0 and a duration >= 0, got rows " + rows
                    + " and " + duration);
        }
    }

    /**
     * Whether the statement failed.
     *
     * @return true when {@link #error()} is set
     */
    public boolean failed() {
        return error != null;
    }

    @Override
    public String toString() {
        return operation + " " + sql + " (" + rows + " rows, " + duration.toNanos() + " ns"
                + (error == null ? "" : ", failed: " + error.getClass().getSimpleName()) + ")";
    }
}
