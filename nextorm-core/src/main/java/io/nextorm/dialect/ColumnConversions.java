package io.nextorm.dialect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;

/**
 * The conversions existing schemas need that drivers do not make: booleans stored as text, arrays
 * read as the driver's {@code Object[]}.
 */
final class ColumnConversions {

    private ColumnConversions() {
    }

    /**
     * A boolean from a char or varchar column.
     *
     * @param database the dialect's name, for the message
     * @param text the column's text
     * @return the boolean
     * @throws IllegalArgumentException when the text is no boolean
     */
    static Boolean booleanOf(String database, String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "1", "t", "true", "y", "yes", "on":
                return Boolean.TRUE;
            case "0", "f", "false", "n", "no", "off":
                return Boolean.FALSE;
            default:
                throw new IllegalArgumentException("Cannot read the " + database + " value '" + text + "' as a boolean: "
                        + "a boolean column holds 1/0, t/f, true/false, y/n, yes/no or on/off; map the column as a "
                        + "String otherwise");
        }
    }

    /**
     * A {@code String[]} or {@code List<String>} from an array the driver read.
     *
     * @param array the driver's array
     * @param asList whether to return a mutable list
     * @return the strings
     */
    static Object strings(Object[] array, boolean asList) {
        String[] strings = Arrays.stream(array).map(e -> e == null ? null : e.toString()).toArray(String[]::new);
        return asList ? new ArrayList<>(Arrays.asList(strings)) : strings;
    }
}
