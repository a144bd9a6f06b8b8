package io.nextorm.spring.metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The short, stable id of a statement: the first 10 hexadecimal digits of the SHA-256 of its
 * statistics key (its SQL with IN lists collapsed). It is the {@code statement} tag of the
 * {@code nextorm.query} meters and the id the {@code nextorm} Actuator endpoint lists the
 * statement's SQL under: a dashboard shows the id, never the SQL text or its values.
 *
 * <pre>{@code
 * StatementIds.of("SELECT t0.id, t0.title FROM article t0 WHERE t0.id = ?")   // "5c1f0e3a9b", say
 * }</pre>
 *
 * The id depends on the SQL text only, so it is the same in every process and after restarts.
 */
public final class StatementIds {

    /** The number of hexadecimal digits of an id. */
    public static final int LENGTH = 10;

    private StatementIds() {
    }

    /**
     * The id of a statement.
     *
     * @param statementKey the statement's statistics key (as in {@code db.localStats()})
     * @return 10 lower-case hexadecimal digits
     */
    public static String of(String statementKey) {
        if (statementKey == null) {
            throw new IllegalArgumentException("StatementIds.of() needs a statement key, got null");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(statementKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, LENGTH / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
