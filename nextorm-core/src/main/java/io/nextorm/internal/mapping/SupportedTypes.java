package io.nextorm.internal.mapping;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one table of the field types a column maps, by qualified name (boxed), with the kind of
 * metamodel attribute each gets: read by the mapping (through classes) and by the annotation
 * processor (through names, as it cannot load user classes), so that a type the processor types
 * as a column is one the mapping maps. Enums are column types too (stored by name).
 * A new field type: add it here, then give it a column type and conversions in the dialect.
 */
public final class SupportedTypes {

    /** What metamodel attribute a column type gets. */
    public enum Kind {
        /** {@code StringAttribute}. */
        STRING,
        /** {@code BooleanAttribute}. */
        BOOLEAN,
        /** {@code NumberAttribute}. */
        NUMBER,
        /** {@code ComparableAttribute}. */
        COMPARABLE,
        /** {@code SingularAttribute}. */
        OTHER
    }

    private static final Map<String, Kind> COLUMN_TYPES = table();

    private SupportedTypes() {
    }

    private static Map<String, Kind> table() {
        Map<String, Kind> types = new LinkedHashMap<>();
        types.put("java.lang.String", Kind.STRING);
        types.put("java.lang.Boolean", Kind.BOOLEAN);
        for (String number : new String[] {"java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long",
                "java.lang.Double", "java.lang.Float", "java.math.BigDecimal"}) {
            types.put(number, Kind.NUMBER);
        }
        for (String comparable : new String[] {"java.time.LocalDate", "java.time.LocalDateTime", "java.time.LocalTime",
                "java.time.Instant", "java.time.OffsetDateTime", "java.util.UUID"}) {
            types.put(comparable, Kind.COMPARABLE);
        }
        types.put("byte[]", Kind.OTHER);
        return java.util.Collections.unmodifiableMap(types);
    }

    /**
     * The column types by qualified (canonical) name, enums aside.
     *
     * @return name to attribute kind, in the order messages list them
     */
    public static Map<String, Kind> columnTypes() {
        return COLUMN_TYPES;
    }

    /**
     * The attribute kind of a column type.
     *
     * @param qualifiedName a boxed type's canonical name, e.g. {@code java.lang.Long} or {@code byte[]}
     * @return the kind, or null when it is no column type (enums aside)
     */
    public static Kind kindOf(String qualifiedName) {
        return COLUMN_TYPES.get(qualifiedName);
    }

    /**
     * Whether a (boxed) class maps to a column.
     *
     * @param type the class
     * @return true for a type of the table or an enum
     */
    public static boolean isColumnType(Class<?> type) {
        return type.isEnum() || COLUMN_TYPES.containsKey(type.getCanonicalName());
    }

    /**
     * The supported types, for error messages.
     *
     * @return a sentence part listing them
     */
    public static String describe() {
        return "supported column types are String, boolean, int, long, short, byte, double, float, BigDecimal, LocalDate, "
                + "LocalDateTime, LocalTime, Instant, OffsetDateTime, UUID, byte[], String[] and List<String> (arrays), enums and their boxed forms";
    }
}
