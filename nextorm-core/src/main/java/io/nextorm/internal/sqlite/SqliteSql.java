package io.nextorm.internal.sqlite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A statement's SQL text as the adapter needs it: split into its single statements at top-level
 * semicolons (quotes, comments and trigger bodies respected), {@code $n} markers rewritten to
 * SQLite's {@code ?n} (so {@code $2 ... $1} binds by number, not by order of appearance), the
 * parameters counted and named, and each statement classified as a read or a write.
 *
 * @param statements the single statements, without their semicolons, never empty
 * @param parameterCount the number of parameters (the highest parameter number)
 * @param names named parameters ({@code $1}, {@code :name}, {@code @name}, {@code $name}) to their index from 0
 * @param writes whether any statement may write (anything but SELECT, VALUES, EXPLAIN, PRAGMA and
 *               transaction control, and WITH without INSERT/UPDATE/DELETE/REPLACE)
 * @param dml whether the (single) statement is an INSERT, UPDATE, DELETE or REPLACE
 * @param dmlStatements for each statement, whether it is an INSERT, UPDATE, DELETE or REPLACE (which
 *                      alone count changed rows)
 * @param returning whether the (single) statement already has a top-level RETURNING clause
 */
record SqliteSql(List<String> statements, int parameterCount, Map<String, Integer> names, boolean writes,
                 boolean dml, boolean returning, List<Boolean> dmlStatements) {

    private static final Set<String> READS = Set.of("SELECT", "VALUES", "EXPLAIN", "PRAGMA", "BEGIN", "COMMIT",
            "END", "ROLLBACK", "SAVEPOINT", "RELEASE");
    private static final Set<String> DML = Set.of("INSERT", "UPDATE", "DELETE", "REPLACE");

    /**
     * Parses SQL text.
     *
     * @param sql the text
     * @return the parsed statement
     * @throws IllegalArgumentException when the text has no statement, or several statements and parameters
     */
    static SqliteSql parse(String sql) {
        return new Parser(sql).parse();
    }

    /**
     * The statement with a RETURNING clause for the given columns appended.
     *
     * @param columns the columns, or none for every column
     * @return the rewritten text
     */
    String withReturning(String[] columns) {
        StringBuilder text = new StringBuilder(statements.get(0)).append(" RETURNING ");
        if (columns.length == 0) {
            text.append('*');
        } else {
            for (int i = 0; i < columns.length; i++) {
                text.append(i == 0 ? "" : ", ").append('"').append(columns[i].replace("\"", "\"\"")).append('"');
            }
        }
        return text.toString();
    }

    private static final class Parser {

        private final String sql;
        private final List<String> statements = new ArrayList<>();
        private final List<Boolean> dmlStatements = new ArrayList<>();
        private final Map<String, Integer> names = new HashMap<>();
        private StringBuilder current = new StringBuilder();
        private int highest;
        private boolean writes;
        private boolean dml;
        private boolean returning;
        private final List<String> words = new ArrayList<>();
        private int blockDepth;

        Parser(String sql) {
            this.sql = sql;
        }

        SqliteSql parse() {
            int i = 0;
            int n = sql.length();
            while (i < n) {
                char c = sql.charAt(i);
                if (c == '\'' || c == '"' || c == '`') {
                    i = copyQuoted(i, c, c);
                } else if (c == '[') {
                    i = copyQuoted(i, '[', ']');
                } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                    int end = sql.indexOf('\n', i);
                    end = end < 0 ? n : end;
                    current.append(sql, i, end);
                    i = end;
                } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                    int end = sql.indexOf("*/", i + 2);
                    end = end < 0 ? n : end + 2;
                    current.append(sql, i, end);
                    i = end;
                } else if (c == '?') {
                    int end = digitsEnd(i + 1);
                    if (end > i + 1) {
                        highest = Math.max(highest, Integer.parseInt(sql.substring(i + 1, end)));
                    } else {
                        highest++;
                    }
                    current.append(sql, i, end);
                    i = end;
                } else if (c == '$' && digitsEnd(i + 1) > i + 1) {
                    int end = digitsEnd(i + 1);
                    int number = Integer.parseInt(sql.substring(i + 1, end));
                    if (number < 1) {
                        throw new IllegalArgumentException("Parameter $0 in \"" + sql + "\": parameters are numbered from $1");
                    }
                    highest = Math.max(highest, number);
                    names.put(sql.substring(i, end), number - 1);
                    current.append('?').append(number);
                    i = end;
                } else if ((c == ':' || c == '@' || c == '$') && i + 1 < n && isWordStart(sql.charAt(i + 1))) {
                    int end = wordEnd(i + 1);
                    String name = sql.substring(i, end);
                    if (!names.containsKey(name)) {
                        names.put(name, highest++);
                    }
                    current.append(name);
                    i = end;
                } else if (isWordStart(c)) {
                    int end = wordEnd(i);
                    word(sql.substring(i, end).toUpperCase(Locale.ROOT));
                    current.append(sql, i, end);
                    i = end;
                } else if (c == ';' && blockDepth == 0) {
                    endStatement();
                    i++;
                } else {
                    current.append(c);
                    i++;
                }
            }
            endStatement();
            if (statements.isEmpty()) {
                throw new IllegalArgumentException("The SQL text \"" + sql + "\" has no statement");
            }
            if (statements.size() > 1 && highest > 0) {
                throw new IllegalArgumentException("The SQL text \"" + sql + "\" has " + statements.size()
                        + " statements and parameters: run a statement with parameters on its own");
            }
            return new SqliteSql(List.copyOf(statements), highest, Map.copyOf(names), writes,
                    statements.size() == 1 && dml, statements.size() == 1 && returning, List.copyOf(dmlStatements));
        }

        private void word(String word) {
            words.add(word);
            boolean trigger = words.size() > 1 && words.get(0).equals("CREATE") && words.contains("TRIGGER");
            if (trigger && (word.equals("BEGIN") || word.equals("CASE"))) {
                blockDepth++;
            } else if (trigger && word.equals("END") && blockDepth > 0) {
                blockDepth--;
            }
            if (word.equals("RETURNING") && blockDepth == 0) {
                returning = true;
            }
        }

        private void endStatement() {
            String text = current.toString().strip();
            current = new StringBuilder();
            if (!words.isEmpty()) {
                statements.add(text);
                String first = words.get(0);
                boolean withDml = first.equals("WITH") && words.stream().anyMatch(DML::contains);
                dml = DML.contains(first) || withDml;
                dmlStatements.add(dml);
                if (!(READS.contains(first) || first.equals("WITH")) || withDml) {
                    writes = true;
                }
            }
            words.clear();
            blockDepth = 0;
        }

        private int copyQuoted(int start, char open, char close) {
            int i = start + 1;
            while (i < sql.length()) {
                if (sql.charAt(i) == close) {
                    // a doubled quote is an escaped quote (not for [brackets])
                    if (open != '[' && i + 1 < sql.length() && sql.charAt(i + 1) == close) {
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                i++;
            }
            current.append(sql, start, Math.min(i, sql.length()));
            return i;
        }

        private int digitsEnd(int from) {
            int i = from;
            while (i < sql.length() && Character.isDigit(sql.charAt(i))) {
                i++;
            }
            return i;
        }

        private int wordEnd(int from) {
            int i = from;
            while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                    || sql.charAt(i) == '$')) {
                i++;
            }
            return i;
        }

        private static boolean isWordStart(char c) {
            return Character.isLetter(c) || c == '_';
        }
    }
}
