package io.nextorm.dialect;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The conversions of values read from a database that {@link AbstractDialect#fromDatabase} makes
 * and drivers do not: exact number conversions (never a silent cut), temporal types from the
 * driver's own, booleans stored as text, arrays read as the driver's {@code Object[]}.
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

    /**
     * A {@code String[]} or {@code List<String>} from a text that holds its elements separated by commas: a
     * MariaDB {@code SET} column, or a VARCHAR where the database has no arrays. An empty text is no elements.
     *
     * @param text the column's text
     * @param asList whether to return a mutable list
     * @return the strings
     */
    static Object split(String text, boolean asList) {
        String[] strings = text.isEmpty() ? new String[0] : text.split(",", -1);
        return asList ? new ArrayList<>(Arrays.asList(strings)) : strings;
    }

    /**
     * The text of a {@code String[]} or {@code List<?>} for a database without arrays: its elements
     * separated by commas, as a MariaDB {@code SET} column takes them.
     *
     * @param value an array or list of strings
     * @return the text, or the value itself when it is neither
     * @throws IllegalArgumentException for an element that holds a comma or is null, which the text cannot keep
     */
    static Object joined(Object value) {
        List<?> elements = value instanceof List<?> list ? list : value instanceof String[] array ? Arrays.asList(array) : null;
        if (elements == null) {
            return value;
        }
        for (Object element : elements) {
            if (element == null || element.toString().contains(",")) {
                throw new IllegalArgumentException("Cannot store the element " + (element == null ? "null" : "'" + element + "'")
                        + " in a column that keeps its elements separated by commas (a SET or text column): remove it,"
                        + " or map the column as a String");
            }
        }
        return String.join(",", elements.stream().map(Object::toString).toList());
    }

    // integers convert exactly: a value that does not fit (or has a fraction) is an error, never cut
    static Object convertNumber(Number number, Class<?> javaType) {
        try {
            if (javaType == Long.class) {
                return number instanceof Long ? number : exact(number).longValueExact();
            }
            if (javaType == Integer.class) {
                return number instanceof Integer ? number : exact(number).intValueExact();
            }
            if (javaType == Short.class) {
                return number instanceof Short ? number : exact(number).shortValueExact();
            }
            if (javaType == Byte.class) {
                return number instanceof Byte ? number : exact(number).byteValueExact();
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Cannot convert the number " + number + " to " + javaType.getName()
                    + ": it does not fit", e);
        }
        if (javaType == Double.class) {
            return number.doubleValue();
        }
        if (javaType == Float.class) {
            return number.floatValue();
        }
        if (javaType == BigDecimal.class) {
            return exact(number);
        }
        if (javaType == Boolean.class) {
            return number.intValue() != 0;
        }
        if (javaType == String.class) {
            return number.toString();
        }
        throw new IllegalArgumentException("Cannot convert the number " + number + " to " + javaType.getName());
    }

    static BigDecimal exact(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        return number instanceof BigInteger big ? new BigDecimal(big) : new BigDecimal(number.toString());
    }

    static Object convertTemporal(Object value, Class<?> javaType) {
        if (javaType == Instant.class) {
            if (value instanceof OffsetDateTime odt) {
                return odt.toInstant();
            }
            if (value instanceof ZonedDateTime zdt) {
                return zdt.toInstant();
            }
            if (value instanceof LocalDateTime ldt) {
                return ldt.toInstant(ZoneOffset.UTC);
            }
        }
        if (javaType == OffsetDateTime.class) {
            if (value instanceof Instant instant) {
                return instant.atOffset(ZoneOffset.UTC);
            }
            if (value instanceof ZonedDateTime zdt) {
                return zdt.toOffsetDateTime();
            }
            if (value instanceof LocalDateTime ldt) {
                return ldt.atOffset(ZoneOffset.UTC);
            }
        }
        if (javaType == LocalDateTime.class) {
            if (value instanceof OffsetDateTime odt) {
                return odt.toLocalDateTime();
            }
            if (value instanceof Instant instant) {
                return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            }
        }
        if (javaType == LocalDateTime.class && value instanceof LocalDate date) {
            return date.atStartOfDay();
        }
        if (javaType == LocalDate.class && value instanceof LocalDateTime ldt) {
            return ldt.toLocalDate();
        }
        if (javaType == LocalTime.class && value instanceof java.time.Duration duration) {
            return LocalTime.MIDNIGHT.plus(duration);
        }
        return null;
    }
}
