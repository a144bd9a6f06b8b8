package io.nextorm.query;

import java.util.Objects;

/**
 * {@code expression LIKE pattern}: {@code %} matches any run of characters, {@code _} one character,
 * and a backslash makes the next character literal (the default escape of every supported database).
 *
 * @param expression the tested string
 * @param pattern the pattern, bound as a parameter
 * @param negated true for NOT LIKE
 */
public record Like(Expression expression, String pattern, boolean negated) implements Condition {

    /**
     * Checks the parts.
     */
    public Like {
        Objects.requireNonNull(expression, "expression");
        if (pattern == null) {
            throw new IllegalArgumentException("A LIKE pattern of " + expression + " cannot be null; use isNull()");
        }
    }

    /**
     * Escapes a literal text for use inside a LIKE pattern, so that its {@code %}, {@code _} and
     * backslashes match only themselves.
     *
     * @param text the literal text
     * @return the escaped text
     */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == '\\') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
