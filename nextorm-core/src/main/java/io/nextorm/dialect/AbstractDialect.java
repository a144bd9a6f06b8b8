package io.nextorm.dialect;

import io.nextorm.mapping.Column;
import io.nextorm.mapping.ForeignKey;
import io.nextorm.mapping.Index;
import io.nextorm.mapping.Table;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What the three dialects share: the DDL layout, identifier rules and value conversions.
 * Subclasses give the reserved words, the quote character and the types that differ.
 */
public abstract class AbstractDialect implements Dialect {

    private final Set<String> reservedWords;
    private final Map<String, String> identifiers = new ConcurrentHashMap<>();

    /**
     * Creates a dialect.
     *
     * @param reservedWords the words (upper case) that must be quoted as identifiers
     */
    protected AbstractDialect(Set<String> reservedWords) {
        this.reservedWords = reservedWords;
    }

    @Override
    public String identifier(String identifier) {
        // names are few (tables, columns, aliases) and asked for on every statement rendered
        String rendered = identifiers.get(identifier);
        if (rendered == null) {
            rendered = needsQuotes(identifier) ? quote(identifier) : identifier;
            identifiers.put(identifier, rendered);
        }
        return rendered;
    }

    /**
     * Quotes an identifier unconditionally.
     *
     * @param identifier the name
     * @return the quoted name
     */
    protected abstract String quote(String identifier);

    private boolean needsQuotes(String identifier) {
        if (identifier.isEmpty() || !(Character.isLowerCase(identifier.charAt(0)) || identifier.charAt(0) == '_')) {
            return true;
        }
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
                return true;
            }
        }
        return reservedWords.contains(identifier.toUpperCase(Locale.ROOT));
    }

    @Override
    public boolean acceptsQuestionMarks() {
        return true;
    }

    @Override
    public String parameterMarker(int index) {
        return "?";
    }

    @Override
    public boolean backslashEscapesInLiterals() {
        return false;
    }

    @Override
    public String columnType(Column column) {
        Class<?> type = column.javaType();
        if (type == String.class) {
            return column.length() > 0 ? "VARCHAR(" + column.length() + ")"
                    : column.length() == 0 ? "VARCHAR(255)" : textType();
        }
        if (type.isEnum()) {
            return "VARCHAR(" + Math.max(column.length(), 255) + ")";
        }
        if (type == Boolean.class) {
            return "BOOLEAN";
        }
        if (type == Integer.class) {
            return "INTEGER";
        }
        if (type == Long.class) {
            return "BIGINT";
        }
        if (type == Short.class || type == Byte.class) {
            return "SMALLINT";
        }
        if (type == Double.class) {
            return doubleType();
        }
        if (type == Float.class) {
            return "REAL";
        }
        if (type == BigDecimal.class) {
            return "DECIMAL(" + column.precision() + ", " + column.scale() + ")";
        }
        if (type == LocalDate.class) {
            return "DATE";
        }
        if (type == LocalDateTime.class) {
            return "TIMESTAMP(6)";
        }
        if (type == LocalTime.class) {
            return "TIME(6)";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return timestampWithTimeZoneType();
        }
        if (type == UUID.class) {
            return uuidType();
        }
        if (type == byte[].class) {
            return binaryType();
        }
        if (type == String[].class || type == List.class) {
            return arrayType();
        }
        throw new IllegalArgumentException("No column type for " + type.getName() + " in the " + name() + " dialect");
    }

    /**
     * An unbounded string type.
     *
     * @return for example {@code TEXT}
     */
    protected abstract String textType();

    /**
     * The type of a {@code String[]} or {@code List<String>} column.
     *
     * @return for example {@code TEXT[]}
     * @throws IllegalArgumentException where the database has no arrays
     */
    protected String arrayType() {
        throw new IllegalArgumentException(name() + " has no array columns: a String[] or List<String> field maps onto "
                + "PostgreSQL and H2 arrays; on " + name() + " map the column as a String");
    }

    /**
     * A binary string type.
     *
     * @return for example {@code BYTEA}
     */
    protected abstract String binaryType();

    /**
     * The type of an {@code Instant} or {@code OffsetDateTime}.
     *
     * @return for example {@code TIMESTAMP WITH TIME ZONE}
     */
    protected abstract String timestampWithTimeZoneType();

    /**
     * The type of a UUID.
     *
     * @return for example {@code UUID}
     */
    protected String uuidType() {
        return "UUID";
    }

    /**
     * The type of a double.
     *
     * @return for example {@code DOUBLE PRECISION}
     */
    protected String doubleType() {
        return "DOUBLE PRECISION";
    }

    /**
     * The column definition of a generated (identity) key.
     *
     * @param column the key column
     * @return for example {@code BIGINT GENERATED BY DEFAULT AS IDENTITY}
     */
    protected String identityColumn(Column column) {
        return columnType(column) + " GENERATED BY DEFAULT AS IDENTITY";
    }

    /**
     * Options written after the closing parenthesis of CREATE TABLE.
     *
     * @return the table options, or empty
     */
    protected String tableOptions() {
        return "";
    }

    @Override
    public List<String> createTable(Table table, Set<ForeignKey> deferred) {
        StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(identifier(table.name())).append(" (");
        List<String> parts = new ArrayList<>();
        for (Column column : table.columns()) {
            StringBuilder definition = new StringBuilder(identifier(column.name())).append(' ');
            definition.append(column.generated() ? identityColumn(column) : columnType(column));
            if (column.sqlDefault() != null) {
                definition.append(" DEFAULT ").append(column.sqlDefault());
            }
            if (!column.nullable()) {
                definition.append(" NOT NULL");
            }
            if (column.unique()) {
                definition.append(" UNIQUE");
            }
            parts.add(definition.toString());
        }
        parts.add("PRIMARY KEY (" + columnList(table.primaryKey()) + ")");
        for (Index index : table.indexes()) {
            if (index.unique()) {
                parts.add("CONSTRAINT " + identifier(index.name()) + " UNIQUE (" + columnList(index.columns()) + ")");
            }
        }
        for (ForeignKey foreignKey : table.foreignKeys()) {
            if (!deferred.contains(foreignKey)) {
                parts.add(foreignKeyClause(foreignKey));
            }
        }
        sql.append(String.join(", ", parts)).append(')').append(tableOptions());
        List<String> statements = new ArrayList<>();
        statements.add(sql.toString());
        for (Index index : table.indexes()) {
            if (!index.unique()) {
                statements.add("CREATE INDEX IF NOT EXISTS " + identifier(index.name()) + " ON "
                        + identifier(table.name()) + " (" + columnList(index.columns()) + ")");
            }
        }
        return statements;
    }

    @Override
    public String addForeignKey(Table table, ForeignKey foreignKey) {
        return "ALTER TABLE " + identifier(table.name()) + " ADD " + foreignKeyClause(foreignKey);
    }

    private String foreignKeyClause(ForeignKey foreignKey) {
        return "CONSTRAINT " + identifier(foreignKey.name()) + " FOREIGN KEY (" + columnList(foreignKey.columns())
                + ") REFERENCES " + identifier(foreignKey.referencedTable()) + " ("
                + columnList(foreignKey.referencedColumns()) + ")";
    }

    private String columnList(List<String> columns) {
        return columns.stream().map(this::identifier).collect(Collectors.joining(", "));
    }

    @Override
    public void appendLimitOffset(StringBuilder sql, Long limit, Long offset) {
        if (limit != null) {
            sql.append(" LIMIT ").append(limit);
        }
        if (offset != null && offset > 0) {
            sql.append(" OFFSET ").append(offset);
        }
    }

    @Override
    public void appendBoundLimitOffset(StringBuilder sql, Long limit, Long offset,
                                       java.util.function.Function<Long, String> marker) {
        if (limit == null && offset != null && !offsetWithoutLimit()) {
            sql.append(" LIMIT ").append(noLimit());
        }
        if (limit != null) {
            sql.append(" LIMIT ").append(marker.apply(limit));
        }
        if (offset != null) {
            sql.append(" OFFSET ").append(marker.apply(offset));
        }
    }

    /**
     * Whether the dialect accepts OFFSET without LIMIT (standard SQL, H2 and PostgreSQL do).
     *
     * @return true by default
     */
    protected boolean offsetWithoutLimit() {
        return true;
    }

    /**
     * The LIMIT that means "no limit", for dialects that need one before OFFSET.
     *
     * @return the literal
     */
    protected String noLimit() {
        return "ALL";
    }

    @Override
    public String forUpdate(boolean skipLocked) {
        return skipLocked ? " FOR UPDATE SKIP LOCKED" : " FOR UPDATE";
    }

    @Override
    public boolean supportsSkipLocked() {
        return true;
    }

    @Override
    public Object toDatabase(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(element -> element == null ? null : element.toString()).toArray(String[]::new);
        }
        return value;
    }

    @Override
    public Class<?> databaseType(Class<?> javaType) {
        if (javaType.isEnum()) {
            return String.class;
        }
        if (javaType == List.class) {
            return String[].class;
        }
        return javaType;
    }

    @Override
    public Class<?> readType(Class<?> javaType) {
        // numbers are read as the driver's own type and converted exactly: drivers refuse SMALLINT into Integer (H2),
        // INT UNSIGNED into Integer or REAL into Double where the column's type is not the field's
        if (javaType == String[].class || javaType == List.class || javaType == Boolean.class || javaType == Short.class || javaType == Byte.class
                || javaType == Integer.class || javaType == Long.class || javaType == Double.class || javaType == Float.class
                || javaType == BigDecimal.class || javaType == LocalDateTime.class || javaType == LocalDate.class) {
            return Object.class;
        }
        return databaseType(javaType);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object fromDatabase(Object value, Class<?> javaType) {
        if (javaType.isInstance(value)) {
            return value;
        }
        if (javaType.isEnum()) {
            return Enum.valueOf((Class) javaType, value.toString());
        }
        if ((javaType == String[].class || javaType == List.class) && value instanceof Object[] array) {
            return ColumnConversions.strings(array, javaType == List.class);
        }
        if ((javaType == String[].class || javaType == List.class) && value instanceof String text) {
            return ColumnConversions.split(text, javaType == List.class);
        }
        if (value instanceof Number number) {
            return ColumnConversions.convertNumber(number, javaType);
        }
        if (javaType == Boolean.class && value instanceof String s) {
            return ColumnConversions.booleanOf(name(), s);
        }
        if (javaType == Boolean.class && value instanceof Character c) {
            return ColumnConversions.booleanOf(name(), String.valueOf(c));
        }
        if (javaType == String.class) {
            return value.toString();
        }
        if (javaType == UUID.class) {
            if (value instanceof String s) {
                return UUID.fromString(s);
            }
            if (value instanceof byte[] bytes && bytes.length == 16) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                return new UUID(buffer.getLong(), buffer.getLong());
            }
        }
        if (javaType == byte[].class && value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        Object temporal = ColumnConversions.convertTemporal(value, javaType);
        if (temporal != null) {
            return temporal;
        }
        throw new IllegalArgumentException("Cannot convert the " + name() + " value of type " + value.getClass().getName()
                + " to " + javaType.getName());
    }
}
