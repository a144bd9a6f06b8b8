package io.nextorm.internal.sqlite;

import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.Nullability;
import io.r2dbc.spi.R2dbcType;
import io.r2dbc.spi.Type;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * A result column: its label and the R2DBC type its declared SQLite type names. SQLite types are
 * names, not rules, so the type decides only what {@code get(i)} without a class returns:
 * <ul>
 *   <li>{@code BIGINT}/{@code INT8}: Long; {@code SMALLINT}: Short; {@code TINYINT}: Byte; other
 *       names with {@code INT}: Integer (Long when the value does not fit);</li>
 *   <li>{@code BOOL...}: Boolean; {@code REAL}/{@code DOUBLE}/{@code FLOAT}: Double; {@code DEC...}: BigDecimal;</li>
 *   <li>{@code DATE}: LocalDate; {@code TIME}: LocalTime; {@code TIMESTAMP}/{@code DATETIME}: LocalDateTime;
 *       {@code TIMESTAMPTZ}: OffsetDateTime; {@code UUID}: UUID;</li>
 *   <li>{@code CHAR}/{@code CLOB}/{@code TEXT}: String; {@code BLOB}/{@code BINARY}: ByteBuffer;</li>
 *   <li>anything else, and expressions: what SQLite stored (Integer or Long, Double, String, ByteBuffer).</li>
 * </ul>
 */
final class SqliteColumnMetadata implements ColumnMetadata {

    private final String name;
    private final String declaredType;
    private final Type type;

    SqliteColumnMetadata(String name, String declaredType) {
        this.name = name;
        this.declaredType = declaredType == null ? "" : declaredType.toUpperCase(Locale.ROOT);
        this.type = typeOf(this.declaredType);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Type getType() {
        return type;
    }

    @Override
    public Class<?> getJavaType() {
        return type.getJavaType();
    }

    @Override
    public Nullability getNullability() {
        return Nullability.UNKNOWN;
    }

    @Override
    public String getNativeTypeMetadata() {
        return declaredType;
    }

    /**
     * The value {@code get(i)} without a class returns.
     *
     * @param value what sqlite-jdbc returned, not null
     * @return the value in the column's Java type, or as stored
     */
    Object natural(Object value) {
        Class<?> javaType = type.getJavaType();
        if (javaType == Object.class || javaType == String.class && !(value instanceof byte[])) {
            return value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value;
        }
        if (javaType == Integer.class && value instanceof Long) {
            return value;
        }
        try {
            return SqliteValues.read(value, javaType, name);
        } catch (IllegalArgumentException e) {
            // a value that does not fit its column's declared type (SQLite allows it) is returned as stored
            return value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value;
        }
    }

    private static Type typeOf(String declared) {
        if (declared.isEmpty()) {
            return new StoredType("");
        }
        if (declared.contains("INT")) {
            if (declared.startsWith("BIGINT") || declared.startsWith("INT8") || declared.startsWith("UNSIGNED BIG")) {
                return R2dbcType.BIGINT;
            }
            if (declared.startsWith("SMALLINT") || declared.startsWith("INT2")) {
                return R2dbcType.SMALLINT;
            }
            return declared.startsWith("TINYINT") ? R2dbcType.TINYINT : R2dbcType.INTEGER;
        }
        if (declared.startsWith("BOOL")) {
            return R2dbcType.BOOLEAN;
        }
        if (declared.contains("CHAR") || declared.contains("TEXT")) {
            return R2dbcType.VARCHAR;
        }
        if (declared.contains("CLOB")) {
            return R2dbcType.CLOB;
        }
        if (declared.contains("BLOB") || declared.contains("BINARY") || declared.contains("BYTEA")) {
            return new StoredType(declared, R2dbcType.VARBINARY.getName(), ByteBuffer.class);
        }
        if (declared.contains("REAL") || declared.contains("DOUB") || declared.contains("FLOA")) {
            return R2dbcType.DOUBLE;
        }
        if (declared.startsWith("DEC")) {
            return new StoredType(declared, R2dbcType.DECIMAL.getName(), BigDecimal.class);
        }
        if (declared.startsWith("TIMESTAMPTZ") || declared.contains("WITH TIME ZONE")) {
            return new StoredType(declared, R2dbcType.TIMESTAMP_WITH_TIME_ZONE.getName(), OffsetDateTime.class);
        }
        if (declared.startsWith("TIMESTAMP") || declared.startsWith("DATETIME")) {
            return new StoredType(declared, R2dbcType.TIMESTAMP.getName(), LocalDateTime.class);
        }
        if (declared.startsWith("DATE")) {
            return new StoredType(declared, R2dbcType.DATE.getName(), LocalDate.class);
        }
        if (declared.startsWith("TIME")) {
            return new StoredType(declared, R2dbcType.TIME.getName(), LocalTime.class);
        }
        if (declared.startsWith("UUID")) {
            return new StoredType(declared, "UUID", UUID.class);
        }
        return new StoredType(declared);
    }

    /**
     * A declared SQLite type and the Java type it reads as.
     *
     * @param declared the declared type
     * @param name the type's name
     * @param javaType the Java type
     */
    private record StoredType(String declared, String name, Class<?> javaType) implements Type {

        StoredType(String declared) {
            this(declared, declared.isEmpty() ? "NUMERIC" : declared, Object.class);
        }

        @Override
        public Class<?> getJavaType() {
            return javaType;
        }

        @Override
        public String getName() {
            return name;
        }
    }
}
