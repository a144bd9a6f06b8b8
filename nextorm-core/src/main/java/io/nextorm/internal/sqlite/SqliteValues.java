package io.nextorm.internal.sqlite;

import io.r2dbc.spi.Blob;
import io.r2dbc.spi.Clob;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The Java values the adapter binds and reads, and how SQLite stores them. SQLite has five storage
 * classes (NULL, INTEGER, REAL, TEXT, BLOB); the rest is text in formats that sort as the values do
 * and that SQLite's date functions read:
 * <ul>
 *   <li>{@code Boolean}: INTEGER 0 or 1; all integer types: INTEGER; {@code Double}, {@code Float}: REAL;</li>
 *   <li>{@code BigDecimal}: its plain text, which a DECIMAL/NUMERIC column stores as a number (so it
 *       compares numerically; exact to 15 significant digits, and the scale is not kept: 12.50 reads
 *       back as 12.5);</li>
 *   <li>{@code LocalDate}: {@code 2024-01-31}; {@code LocalTime}: {@code 13:45:00.000000};
 *       {@code LocalDateTime}: {@code 2024-01-31 13:45:00.000000} (microseconds, like TIMESTAMP(6));</li>
 *   <li>{@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime}: the UTC time as
 *       {@code 2024-01-31 13:45:00.000000Z} (an offset reads back as UTC, as on MariaDB);</li>
 *   <li>{@code UUID}: its 36-character text (a 16-byte BLOB also reads as a UUID);</li>
 *   <li>{@code byte[]}, {@code ByteBuffer}, {@link Blob}: BLOB; {@link Clob}, {@code String}, enums: TEXT.</li>
 * </ul>
 * Reading converts what SQLite stored to the requested class; text in any of the formats above (or
 * ISO-8601 with a {@code T}, or without fractions, as {@code CURRENT_TIMESTAMP} writes it) reads as
 * the temporal types, and an INTEGER as a temporal is milliseconds since the epoch (sqlite-jdbc's
 * own format).
 */
final class SqliteValues {

    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss").appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true).toFormatter(Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(TIME).toFormatter(Locale.ROOT);
    private static final DateTimeFormatter PARSER = new DateTimeFormatterBuilder()
            .optionalStart().append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().optionalStart().appendLiteral('T')
            .optionalEnd().optionalStart().appendLiteral(' ').optionalEnd().optionalEnd().optionalEnd()
            .optionalStart().appendPattern("HH:mm").optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    /** The classes {@code bind} and {@code bindNull} take. */
    static final Set<Class<?>> BINDABLE = Set.of(String.class, Integer.class, Long.class, Short.class, Byte.class,
            Boolean.class, Double.class, Float.class, BigDecimal.class, BigInteger.class, byte[].class,
            ByteBuffer.class, LocalDate.class, LocalDateTime.class, LocalTime.class, Instant.class,
            OffsetDateTime.class, ZonedDateTime.class, UUID.class, Blob.class, Clob.class);

    private SqliteValues() {
    }

    /**
     * Whether a value of this class can be bound.
     *
     * @param type the class
     * @return true for the classes listed above, their subclasses and enums
     */
    static boolean bindable(Class<?> type) {
        if (type.isEnum() || BINDABLE.contains(type)) {
            return true;
        }
        return BINDABLE.stream().anyMatch(known -> known.isAssignableFrom(type));
    }

    /**
     * Resolves a LOB's content, the only bound values that need a subscription.
     *
     * @param value a bound value
     * @return the value as bytes or text
     */
    static Mono<Object> resolve(Object value) {
        if (value instanceof Blob blob) {
            return reactor.core.publisher.Flux.from(blob.stream())
                    .reduce(new java.io.ByteArrayOutputStream(), (out, buffer) -> {
                        byte[] bytes = new byte[buffer.remaining()];
                        buffer.get(bytes);
                        out.writeBytes(bytes);
                        return out;
                    })
                    .map(out -> (Object) out.toByteArray());
        }
        if (value instanceof Clob clob) {
            return reactor.core.publisher.Flux.from(clob.stream())
                    .reduce(new StringBuilder(), StringBuilder::append)
                    .map(text -> (Object) text.toString());
        }
        return Mono.just(value);
    }

    /**
     * The value sqlite-jdbc is given for a Java value.
     *
     * @param value a bound value, LOBs resolved, not null
     * @return a {@code String}, {@code Long}, {@code Integer}, {@code Double} or {@code byte[]}
     */
    static Object toStorage(Object value) {
        if (value instanceof String || value instanceof Integer || value instanceof Long || value instanceof Double
                || value instanceof byte[]) {
            return value;
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Float f) {
            // through its decimal text, so 1.1f is stored as 1.1 and not 1.100000023841858
            return Double.parseDouble(f.toString());
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : big.toString();
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof LocalTime time) {
            return TIME.format(time);
        }
        if (value instanceof LocalDateTime dateTime) {
            return DATE_TIME.format(dateTime);
        }
        if (value instanceof Instant instant) {
            return DATE_TIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + 'Z';
        }
        if (value instanceof OffsetDateTime offset) {
            return toStorage(offset.toInstant());
        }
        if (value instanceof ZonedDateTime zoned) {
            return toStorage(zoned.toInstant());
        }
        if (value instanceof UUID || value instanceof Enum<?>) {
            return value instanceof Enum<?> e ? e.name() : value.toString();
        }
        throw new IllegalArgumentException("Cannot bind a " + value.getClass().getName() + " to SQLite");
    }

    /**
     * Converts a stored value to the requested class.
     *
     * @param value what sqlite-jdbc returned ({@code Integer}, {@code Long}, {@code Double}, {@code String},
     *              {@code byte[]}), not null
     * @param type the requested class
     * @param column the column's name, for the error message
     * @param <T> the class
     * @return the converted value
     * @throws IllegalArgumentException when the value cannot be converted
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> T read(Object value, Class<T> type, String column) {
        try {
            Object converted = convert(value, type);
            if (converted == null) {
                throw new IllegalArgumentException("no conversion");
            }
            return (T) converted;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Cannot read column \"" + column + "\" (SQLite "
                    + storageClass(value) + " " + abbreviate(value) + ") as " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(Object value, Class<?> type) {
        if (type == Object.class) {
            return value;
        }
        if (type.isInstance(value) && !(value instanceof byte[] && type != byte[].class)) {
            return value;
        }
        if (type.isEnum()) {
            return Enum.valueOf((Class) type, value.toString());
        }
        if (value instanceof Number number) {
            return fromNumber(number, type);
        }
        if (value instanceof byte[] bytes) {
            return fromBytes(bytes, type);
        }
        return fromText(value.toString(), type);
    }

    private static Object fromNumber(Number number, Class<?> type) {
        boolean integral = number instanceof Integer || number instanceof Long;
        if (type == Long.class) {
            return integral ? number.longValue() : exact(number).longValueExact();
        }
        if (type == Integer.class) {
            return integral ? Math.toIntExact(number.longValue()) : exact(number).intValueExact();
        }
        if (type == Short.class) {
            return exact(number).shortValueExact();
        }
        if (type == Byte.class) {
            return exact(number).byteValueExact();
        }
        if (type == Double.class) {
            return number.doubleValue();
        }
        if (type == Float.class) {
            return number.floatValue();
        }
        if (type == BigDecimal.class || type == Number.class) {
            return exact(number);
        }
        if (type == BigInteger.class) {
            return exact(number).toBigIntegerExact();
        }
        if (type == Boolean.class) {
            return number.doubleValue() != 0;
        }
        if (type == String.class) {
            return integral ? number.toString() : exact(number).toPlainString();
        }
        if (integral) {
            Instant instant = Instant.ofEpochMilli(number.longValue());
            return fromInstant(instant, type);
        }
        return null;
    }

    private static BigDecimal exact(Number number) {
        if (number instanceof Double || number instanceof Float) {
            return BigDecimal.valueOf(number.doubleValue());
        }
        return BigDecimal.valueOf(number.longValue());
    }

    private static Object fromBytes(byte[] bytes, Class<?> type) {
        if (type == byte[].class) {
            return bytes;
        }
        if (type == ByteBuffer.class) {
            return ByteBuffer.wrap(bytes);
        }
        if (type == Blob.class) {
            return Blob.from(Mono.just(ByteBuffer.wrap(bytes)));
        }
        if (type == UUID.class && bytes.length == 16) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        if (type == String.class) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (type == Clob.class) {
            return Clob.from(Mono.just(new String(bytes, StandardCharsets.UTF_8)));
        }
        return null;
    }

    private static Object fromText(String text, Class<?> type) {
        if (type == String.class) {
            return text;
        }
        if (type == Clob.class) {
            return Clob.from(Mono.just(text));
        }
        if (type == UUID.class) {
            return UUID.fromString(text);
        }
        if (type == BigDecimal.class) {
            return new BigDecimal(text.strip());
        }
        if (type == Long.class) {
            return Long.valueOf(text.strip());
        }
        if (type == Integer.class) {
            return Integer.valueOf(text.strip());
        }
        if (type == Short.class) {
            return Short.valueOf(text.strip());
        }
        if (type == Byte.class) {
            return Byte.valueOf(text.strip());
        }
        if (type == Double.class) {
            return Double.valueOf(text.strip());
        }
        if (type == Float.class) {
            return Float.valueOf(text.strip());
        }
        if (type == Boolean.class) {
            return "1".equals(text) || "true".equalsIgnoreCase(text);
        }
        if (type == byte[].class || type == ByteBuffer.class || type == Blob.class) {
            return fromBytes(text.getBytes(StandardCharsets.UTF_8), type);
        }
        return fromTemporalText(text, type);
    }

    private static Object fromTemporalText(String text, Class<?> type) {
        TemporalAccessor parsed = PARSER.parse(text.strip());
        boolean hasDate = parsed.isSupported(ChronoField.EPOCH_DAY);
        boolean hasTime = parsed.isSupported(ChronoField.NANO_OF_DAY);
        boolean hasOffset = parsed.isSupported(ChronoField.OFFSET_SECONDS);
        if (type == LocalDate.class && hasDate) {
            return LocalDate.from(parsed);
        }
        if (type == LocalTime.class && hasTime) {
            return LocalTime.from(parsed);
        }
        if (!hasDate) {
            return null;
        }
        LocalDateTime local = hasTime ? LocalDateTime.of(LocalDate.from(parsed), LocalTime.from(parsed))
                : LocalDate.from(parsed).atStartOfDay();
        if (type == LocalDateTime.class) {
            return hasOffset ? LocalDateTime.ofInstant(local.toInstant(ZoneOffset.from(parsed)), ZoneOffset.UTC) : local;
        }
        Instant instant = local.toInstant(hasOffset ? ZoneOffset.from(parsed) : ZoneOffset.UTC);
        return fromInstant(instant, type);
    }

    private static Object fromInstant(Instant instant, Class<?> type) {
        if (type == Instant.class) {
            return instant;
        }
        if (type == OffsetDateTime.class) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (type == ZonedDateTime.class) {
            return instant.atZone(ZoneOffset.UTC);
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (type == LocalDate.class) {
            return LocalDate.ofInstant(instant, ZoneOffset.UTC);
        }
        if (type == LocalTime.class) {
            return LocalTime.ofInstant(instant, ZoneOffset.UTC);
        }
        return null;
    }

    /**
     * The value's SQLite storage class, for messages.
     *
     * @param value a stored value
     * @return INTEGER, REAL, TEXT or BLOB
     */
    static String storageClass(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return "INTEGER";
        }
        if (value instanceof Double) {
            return "REAL";
        }
        return value instanceof byte[] ? "BLOB" : "TEXT";
    }

    private static String abbreviate(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes.length + " bytes";
        }
        String text = String.valueOf(value);
        return '\'' + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + '\'';
    }
}
