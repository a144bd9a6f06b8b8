package io.nextorm.internal.sql;

import java.util.function.IntFunction;

/**
 * Finds the {@code ?} parameter markers of hand-written SQL, skipping string literals, quoted
 * identifiers and comments, and rewrites them into a driver's own form ({@code $1} for PostgreSQL).
 */
public final class ParameterMarkers {

    private ParameterMarkers() {
    }

    /**
     * Counts the {@code ?} markers.
     *
     * @param sql the SQL
     * @param backslashEscapes whether a backslash escapes a quote inside a string literal (MariaDB)
     * @return the number of markers outside literals and comments
     */
    public static int count(String sql, boolean backslashEscapes) {
        int[] count = {0};
        scan(sql, index -> {
            count[0]++;
            return "?";
        }, null, backslashEscapes);
        return count[0];
    }

    /**
     * Replaces every {@code ?} marker by {@code marker.apply(n)}, n counting from 1.
     *
     * @param sql the SQL with {@code ?} markers
     * @param backslashEscapes whether a backslash escapes a quote inside a string literal (MariaDB)
     * @param marker the driver's marker for the n-th parameter
     * @return the rewritten SQL
     */
    public static String rewrite(String sql, boolean backslashEscapes, IntFunction<String> marker) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        scan(sql, marker, out, backslashEscapes);
        return out.toString();
    }

    private static void scan(String sql, IntFunction<String> marker, StringBuilder out, boolean backslashEscapes) {
        int n = 0;
        int length = sql.length();
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            int end = i + 1;
            if (c == '\'' || c == '"' || c == '`') {
                end = closing(sql, i + 1, c, backslashEscapes);
            } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                int newline = sql.indexOf('\n', i);
                end = newline < 0 ? length : newline;
            } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                end = close < 0 ? length : close + 2;
            } else if (c == '$' && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
                end = dollarQuoted(sql, i);
            } else if (c == '?') {
                n++;
                if (out != null) {
                    out.append(marker.apply(n));
                } else {
                    marker.apply(n);
                }
                i++;
                continue;
            }
            if (out != null) {
                out.append(sql, i, end);
            }
            i = end;
        }
    }

    private static int closing(String sql, int from, char quote, boolean backslashEscapes) {
        int i = from;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && backslashEscapes) {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static int dollarQuoted(String sql, int start) {
        int tagEnd = start + 1;
        while (tagEnd < sql.length() && (Character.isLetterOrDigit(sql.charAt(tagEnd)) || sql.charAt(tagEnd) == '_')) {
            tagEnd++;
        }
        if (tagEnd >= sql.length() || sql.charAt(tagEnd) != '$' || Character.isDigit(sql.charAt(start + 1))) {
            return start + 1;
        }
        String tag = sql.substring(start, tagEnd + 1);
        int close = sql.indexOf(tag, tagEnd + 1);
        return close < 0 ? sql.length() : close + tag.length();
    }
}
