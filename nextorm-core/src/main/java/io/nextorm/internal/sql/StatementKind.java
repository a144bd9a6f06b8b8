package io.nextorm.internal.sql;

import java.util.Locale;

/**
 * What a statement does; the {@code operation} of its statistics and metrics.
 */
public enum StatementKind {
    /** A query. */
    SELECT,
    /** An INSERT. */
    INSERT,
    /** An UPDATE. */
    UPDATE,
    /** A DELETE. */
    DELETE,
    /** CREATE, ALTER, DROP. */
    DDL,
    /** Anything else. */
    OTHER;

    /**
     * Guesses the kind of hand-written SQL from its first word.
     *
     * @param sql the SQL
     * @return the kind
     */
    public static StatementKind of(String sql) {
        String trimmed = sql.stripLeading();
        int end = 0;
        while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
            end++;
        }
        return switch (trimmed.substring(0, end).toUpperCase(Locale.ROOT)) {
            case "SELECT", "WITH", "VALUES", "SHOW", "EXPLAIN" -> SELECT;
            case "INSERT", "MERGE", "REPLACE" -> INSERT;
            case "UPDATE" -> UPDATE;
            case "DELETE", "TRUNCATE" -> DELETE;
            case "CREATE", "ALTER", "DROP" -> DDL;
            default -> OTHER;
        };
    }

    /**
     * The lower-case name, as a metric tag.
     *
     * @return for example {@code "select"}
     */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
