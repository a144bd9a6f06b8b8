package io.nextorm.internal.mapping;

import java.util.Locale;

/**
 * The naming rules: Java names become snake_case table and column names.
 */
public final class Naming {

    private Naming() {
    }

    /**
     * {@code BlogPost} becomes {@code blog_post}, {@code authorId} {@code author_id}, {@code URLSlug}
     * {@code url_slug}.
     *
     * @param javaName a class or field name
     * @return the snake_case name
     */
    public static String snakeCase(String javaName) {
        StringBuilder out = new StringBuilder(javaName.length() + 4);
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean previousLower = i > 0 && (Character.isLowerCase(javaName.charAt(i - 1))
                        || Character.isDigit(javaName.charAt(i - 1)));
                boolean nextLower = i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
                boolean previousUpper = i > 0 && Character.isUpperCase(javaName.charAt(i - 1));
                if (out.length() > 0 && out.charAt(out.length() - 1) != '_'
                        && (previousLower || (previousUpper && nextLower))) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
