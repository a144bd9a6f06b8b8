package io.nextorm.dialect;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes the values a driver quotes in its error messages, keeping the names of constraints,
 * keys, columns and tables: MariaDB's {@code Duplicate entry 'ann' for key 'name'} becomes
 * {@code Duplicate entry ? for key 'name'}, H2's {@code ... ON PUBLIC.AUTHOR(NAME) VALUES ( /* 1 *&#47; 'ann' )}
 * becomes {@code ... VALUES ( /* 1 *&#47; ? )}, PostgreSQL's {@code invalid input syntax for type
 * integer: "abc"} ends in {@code : ?}.
 */
final class DriverMessages {

    /** Words after which a quoted text is a name, not a value. */
    private static final Set<String> NAMING_WORDS = Set.of("key", "column", "constraint", "table", "index", "in",
            "database", "schema", "sequence", "view", "type", "function", "procedure", "trigger", "field", "of", "on");

    private static final Pattern H2_PARAMETER = Pattern.compile("(/\\* ?\\d+ ?\\*/ )([^,)]*[^,)\\s])");
    private static final Pattern POSTGRES_INPUT = Pattern.compile(
            "(invalid input (?:syntax|value) for [^:\"]+: )\"(?:[^\"]|\"\")*\"");
    private static final Pattern POSTGRES_KEY = Pattern.compile("(\\)=\\()(.*?)(\\)(?: already exists| is not present| is still referenced|\\s|$))");

    private DriverMessages() {
    }

    static String redact(String message, boolean backslashEscapes) {
        if (message == null || message.isEmpty()) {
            return message;
        }
        String text = redactQuoted(message, backslashEscapes);
        text = H2_PARAMETER.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + "?"));
        text = POSTGRES_INPUT.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + "?"));
        return POSTGRES_KEY.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + "?" + match.group(3)));
    }

    private static String redactQuoted(String message, boolean backslashEscapes) {
        StringBuilder out = new StringBuilder(message.length());
        int i = 0;
        while (i < message.length()) {
            char c = message.charAt(i);
            if (c != '\'') {
                out.append(c);
                i++;
                continue;
            }
            int end = closing(message, i + 1, backslashEscapes);
            if (namesSomething(message, i)) {
                out.append(message, i, end);
            } else {
                out.append('?');
            }
            i = end;
        }
        return out.toString();
    }

    private static boolean namesSomething(String message, int quote) {
        int end = quote;
        while (end > 0 && Character.isWhitespace(message.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isLetter(message.charAt(start - 1))) {
            start--;
        }
        return start < end && NAMING_WORDS.contains(message.substring(start, end).toLowerCase(Locale.ROOT));
    }

    private static int closing(String message, int from, boolean backslashEscapes) {
        int i = from;
        while (i < message.length()) {
            char c = message.charAt(i);
            if (c == '\\' && backslashEscapes) {
                i += 2;
                continue;
            }
            if (c == '\'') {
                if (i + 1 < message.length() && message.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return message.length();
    }
}
