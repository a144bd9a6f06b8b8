package io.nextorm.internal.sql;

import io.nextorm.dialect.Dialect;

import java.util.function.IntFunction;

/**
 * Finds the {@code ?} parameter markers of hand-written SQL, skipping string literals, quoted
 * identifiers and comments as the database reads them, and rewrites them into a driver's own form
 * ({@code $1} for PostgreSQL). {@code ??} outside literals and comments is a literal {@code ?}, not
 * a marker (for PostgreSQL's jsonb {@code ?}, {@code ?|} and {@code ?&} operators).
 */
public final class ParameterMarkers {

    /**
     * The lexical rules of a database's SQL that decide where a {@code ?} is not a marker.
     *
     * @param backslashEscapes a backslash escapes the next character in every string literal (MariaDB)
     * @param hashComments {@code #} starts a comment to the end of the line (MariaDB)
     * @param nestedComments block comments nest (PostgreSQL)
     * @param escapeStrings {@code E'...'} strings take backslash escapes (PostgreSQL)
     * @param dollarQuotes {@code $tag$ ... $tag$} strings (PostgreSQL, H2)
     */
    public record Syntax(boolean backslashEscapes, boolean hashComments, boolean nestedComments,
                         boolean escapeStrings, boolean dollarQuotes) {

        /** Standard SQL with dollar quotes (H2). */
        public static final Syntax STANDARD = new Syntax(false, false, false, false, true);
        /** PostgreSQL's rules. */
        public static final Syntax POSTGRES = new Syntax(false, false, true, true, true);
        /** MariaDB's rules. */
        public static final Syntax MARIADB = new Syntax(true, true, false, false, false);

        /**
         * The rules of a dialect: MariaDB's where literals take backslash escapes, PostgreSQL's where
         * the driver wants numbered markers, standard otherwise.
         *
         * @param dialect the dialect
         * @return its rules
         */
        public static Syntax of(Dialect dialect) {
            if (dialect.backslashEscapesInLiterals()) {
                return MARIADB;
            }
            return dialect.acceptsQuestionMarks() ? STANDARD : POSTGRES;
        }
    }

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
        return count(sql, backslashEscapes ? Syntax.MARIADB : Syntax.STANDARD);
    }

    /**
     * Counts the {@code ?} markers.
     *
     * @param sql the SQL
     * @param syntax the database's lexical rules
     * @return the number of markers outside literals and comments
     */
    public static int count(String sql, Syntax syntax) {
        return scan(sql, index -> "?", null, syntax);
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
        return rewrite(sql, backslashEscapes ? Syntax.MARIADB : Syntax.STANDARD, marker);
    }

    /**
     * Replaces every {@code ?} marker by {@code marker.apply(n)}, n counting from 1, and every
     * {@code ??} by {@code ?}.
     *
     * @param sql the SQL with {@code ?} markers
     * @param syntax the database's lexical rules
     * @param marker the driver's marker for the n-th parameter
     * @return the rewritten SQL
     */
    public static String rewrite(String sql, Syntax syntax, IntFunction<String> marker) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        scan(sql, marker, out, syntax);
        return out.toString();
    }

    /**
     * Whether the SQL has a {@code ??} escape outside literals and comments, which must be rewritten
     * even for a driver that takes {@code ?} markers as they are.
     *
     * @param sql the SQL
     * @param syntax the database's lexical rules
     * @return true when rewriting changes more than the markers
     */
    public static boolean hasEscapes(String sql, Syntax syntax) {
        return sql.contains("??") && !rewrite(sql, syntax, n -> "?").equals(sql);
    }

    private static int scan(String sql, IntFunction<String> marker, StringBuilder out, Syntax syntax) {
        int n = 0;
        int length = sql.length();
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            int end = i + 1;
            if (c == '\'' || c == '"' || c == '`') {
                boolean escapes = syntax.backslashEscapes() || (c == '\'' && syntax.escapeStrings() && i > 0
                        && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                        && (i == 1 || !isWordPart(sql.charAt(i - 2))));
                end = closing(sql, i + 1, c, escapes && c != '`');
            } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-'
                    || c == '#' && syntax.hashComments()) {
                int newline = sql.indexOf('\n', i);
                end = newline < 0 ? length : newline;
            } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                end = blockComment(sql, i, syntax.nestedComments());
            } else if (c == '$' && syntax.dollarQuotes() && (i == 0 || !isWordPart(sql.charAt(i - 1)))) {
                end = dollarQuoted(sql, i);
            } else if (c == '?' && i + 1 < length && sql.charAt(i + 1) == '?') {
                if (out != null) {
                    out.append('?');
                }
                i += 2;
                continue;
            } else if (c == '?') {
                n++;
                String text = marker.apply(n);
                if (out != null) {
                    out.append(text);
                }
                i++;
                continue;
            }
            if (out != null) {
                out.append(sql, i, end);
            }
            i = end;
        }
        return n;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static int blockComment(String sql, int start, boolean nested) {
        int depth = 1;
        int i = start + 2;
        while (i < sql.length()) {
            if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0 || !nested) {
                    return i;
                }
            } else if (nested && sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else {
                i++;
            }
        }
        return sql.length();
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
        while (tagEnd < sql.length() && isWordPart(sql.charAt(tagEnd))) {
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
