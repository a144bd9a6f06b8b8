package io.nextorm.internal.sql;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The key a statement's statistics are kept under: its SQL text, with every IN list of parameter
 * markers written as one {@code IN (?...)} (numbered markers renumbered), so that IN lists of
 * different lengths count as one statement.
 */
public final class StatementKeys {

    private static final int CACHE_LIMIT = 10_000;

    private final Map<String, String> cache = new ConcurrentHashMap<>();

    /**
     * The statistics key of a SQL text.
     *
     * @param sql the SQL as sent
     * @return its key
     */
    public String keyOf(String sql) {
        String key = cache.get(sql);
        if (key == null) {
            key = normalize(sql);
            if (cache.size() < CACHE_LIMIT) {
                cache.put(sql, key);
            }
        }
        return key;
    }

    /**
     * Normalizes a SQL text (uncached).
     *
     * @param sql the SQL
     * @return the key
     */
    public static String normalize(String sql) {
        if (!sql.contains("IN (")) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length());
        int number = 0;
        boolean renumber = false;
        int i = 0;
        while (i < sql.length()) {
            if (sql.startsWith("IN (", i)) {
                int end = markerListEnd(sql, i + 4);
                if (end > 0) {
                    boolean numbered = sql.charAt(i + 4) == '$';
                    number++;
                    out.append("IN (").append(numbered ? "$" + number : "?").append("...)");
                    renumber |= numbered;
                    i = end;
                    continue;
                }
            }
            char c = sql.charAt(i);
            if (c == '$' && renumber && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))) {
                int j = i + 1;
                while (j < sql.length() && Character.isDigit(sql.charAt(j))) {
                    j++;
                }
                number++;
                out.append('$').append(number);
                i = j;
                continue;
            }
            if (c == '$' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))) {
                number++;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static int markerListEnd(String sql, int from) {
        int i = from;
        boolean expectMarker = true;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (expectMarker) {
                if (c == '?') {
                    i++;
                } else if (c == '$') {
                    int j = i + 1;
                    while (j < sql.length() && Character.isDigit(sql.charAt(j))) {
                        j++;
                    }
                    if (j == i + 1) {
                        return -1;
                    }
                    i = j;
                } else {
                    return -1;
                }
                expectMarker = false;
            } else if (c == ')') {
                return i + 1;
            } else if (c == ',') {
                i++;
                while (i < sql.length() && sql.charAt(i) == ' ') {
                    i++;
                }
                expectMarker = true;
            } else {
                return -1;
            }
        }
        return -1;
    }
}
