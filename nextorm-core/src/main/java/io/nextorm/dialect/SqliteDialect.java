package io.nextorm.dialect;

import io.nextorm.mapping.Column;
import io.nextorm.mapping.ForeignKey;
import io.nextorm.mapping.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SQLite 3.35+ through nextorm's own {@code sqlite} R2DBC driver ({@code io.nextorm.internal.sqlite}):
 * double-quoted identifiers, {@code ?} markers, {@code INSERT ... RETURNING} for generated keys. A
 * generated key is an {@code INTEGER} primary key (SQLite's rowid). SQLite's types are names that
 * choose a storage affinity; the driver stores temporal values, UUIDs and decimals as described in
 * its {@code SqliteValues}. SQLite has no row locks: {@link #forUpdate(boolean)} refuses, as a
 * write transaction already holds the whole database's single write lock.
 */
public final class SqliteDialect extends AbstractDialect {

    private static final Set<String> RESERVED = Set.of("ABORT", "ACTION", "ADD", "AFTER", "ALL", "ALTER", "ALWAYS",
            "ANALYZE", "AND", "AS", "ASC", "ATTACH", "AUTOINCREMENT", "BEFORE", "BEGIN", "BETWEEN", "BY", "CASCADE",
            "CASE", "CAST", "CHECK", "COLLATE", "COLUMN", "COMMIT", "CONFLICT", "CONSTRAINT", "CREATE", "CROSS",
            "CURRENT", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "DATABASE", "DEFAULT", "DEFERRABLE",
            "DEFERRED", "DELETE", "DESC", "DETACH", "DISTINCT", "DO", "DROP", "EACH", "ELSE", "END", "ESCAPE", "EXCEPT",
            "EXCLUDE", "EXCLUSIVE", "EXISTS", "EXPLAIN", "FAIL", "FILTER", "FIRST", "FOLLOWING", "FOR", "FOREIGN",
            "FROM", "FULL", "GENERATED", "GLOB", "GROUP", "GROUPS", "HAVING", "IF", "IGNORE", "IMMEDIATE", "IN",
            "INDEX", "INDEXED", "INITIALLY", "INNER", "INSERT", "INSTEAD", "INTERSECT", "INTO", "IS", "ISNULL", "JOIN",
            "KEY", "LAST", "LEFT", "LIKE", "LIMIT", "MATCH", "MATERIALIZED", "NATURAL", "NO", "NOT", "NOTHING",
            "NOTNULL", "NULL", "NULLS", "OF", "OFFSET", "ON", "OR", "ORDER", "OTHERS", "OUTER", "OVER", "PARTITION",
            "PLAN", "PRAGMA", "PRECEDING", "PRIMARY", "QUERY", "RAISE", "RANGE", "RECURSIVE", "REFERENCES", "REGEXP",
            "REINDEX", "RELEASE", "RENAME", "REPLACE", "RESTRICT", "RETURNING", "RIGHT", "ROLLBACK", "ROW", "ROWID",
            "ROWS", "SAVEPOINT", "SELECT", "SET", "TABLE", "TEMP", "TEMPORARY", "THEN", "TIES", "TO", "TRANSACTION",
            "TRIGGER", "UNBOUNDED", "UNION", "UNIQUE", "UPDATE", "USING", "VACUUM", "VALUES", "VIEW", "VIRTUAL", "WHEN",
            "WHERE", "WINDOW", "WITH", "WITHOUT");

    private static final DateTimeFormatter TEXT_TIME = new DateTimeFormatterBuilder()
            .optionalStart().append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().optionalStart().appendLiteral('T')
            .optionalEnd().optionalStart().appendLiteral(' ').optionalEnd().optionalEnd().optionalEnd()
            .optionalStart().appendPattern("HH:mm").optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    /**
     * Creates the dialect.
     */
    public SqliteDialect() {
        super(RESERVED);
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    protected String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    protected String textType() {
        return "TEXT";
    }

    @Override
    protected String binaryType() {
        return "BLOB";
    }

    /**
     * {@inheritDoc} One word, so the driver's column metadata still tells it from a local timestamp:
     * the value is UTC text with a {@code Z}.
     */
    @Override
    protected String timestampWithTimeZoneType() {
        return "TIMESTAMPTZ";
    }

    @Override
    protected String doubleType() {
        return "DOUBLE";
    }

    /**
     * {@inheritDoc} Exactly {@code INTEGER}: only then is a single-column primary key SQLite's rowid,
     * numbered by SQLite when the INSERT leaves it out.
     */
    @Override
    protected String identityColumn(Column column) {
        return "INTEGER";
    }

    /**
     * {@inheritDoc} Every foreign key is declared in the table, the deferred ones (of a cycle)
     * included: SQLite accepts a reference to a table created later and cannot add a constraint to
     * an existing table.
     */
    @Override
    public List<String> createTable(Table table, Set<ForeignKey> deferred) {
        return super.createTable(table, Set.of());
    }

    /**
     * {@inheritDoc} SQLite has no {@code ALTER TABLE ... ADD CONSTRAINT}; {@link #createTable} declared
     * the key already, so this is a statement that does nothing.
     */
    @Override
    public String addForeignKey(Table table, ForeignKey foreignKey) {
        return "SELECT 1 WHERE 0";
    }

    @Override
    public String listColumnsSql() {
        return "SELECT m.name, p.name, CASE WHEN p.\"notnull\" = 1 OR p.pk > 0 THEN 'NO' ELSE 'YES' END, p.type, p.type"
                + " FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'";
    }

    @Override
    protected boolean offsetWithoutLimit() {
        return false;
    }

    @Override
    protected String noLimit() {
        return "-1";
    }

    @Override
    public String listTablesSql() {
        return "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
    }

    /** {@inheritDoc} SQLite has no OFFSET without LIMIT; a negative LIMIT means none. */
    @Override
    public void appendLimitOffset(StringBuilder sql, Long limit, Long offset) {
        if (limit == null && offset != null && offset > 0) {
            sql.append(" LIMIT -1 OFFSET ").append(offset);
            return;
        }
        super.appendLimitOffset(sql, limit, offset);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException always: SQLite has no row locks
     */
    @Override
    public String forUpdate(boolean skipLocked) {
        throw new IllegalStateException("SQLite has no SELECT ... FOR UPDATE (no row locks): forUpdate() is not"
                + " supported on SQLite. A write transaction (a nextorm session that writes) already holds SQLite's"
                + " single database write lock, so other writers wait until it ends; drop forUpdate() on SQLite");
    }

    @Override
    public boolean supportsSkipLocked() {
        return false;
    }

    @Override
    public String randomFunction() {
        return "RANDOM()";
    }

    /** {@inheritDoc} {@code GROUP_CONCAT} with an ordered aggregate (SQLite 3.44+). */
    @Override
    public String stringAggregate(String expression, java.util.function.Supplier<String> separator) {
        return "GROUP_CONCAT(CAST(" + expression + " AS TEXT), " + separator.get() + " ORDER BY " + expression + ")";
    }

    @Override
    public String functionName(io.nextorm.query.FunctionCall.Function function) {
        return switch (function) {
            case LOWER -> "LOWER";
            case UPPER -> "UPPER";
            case LENGTH -> "LENGTH";
        };
    }

    /**
     * SQLite's forms: scalar {@code MAX/MIN} for GREATEST/LEAST, {@code strftime} for date parts (dates
     * are stored as ISO text), {@code INSTR} for indexOf, {@code ||} for concatenation, {@code SUBSTR}.
     */
    @Override
    public String function(io.nextorm.query.ScalarFunction.Kind kind, java.util.List<String> arguments) {
        String first = arguments.get(0);
        return switch (kind) {
            case GREATEST -> "MAX(" + first + ", " + arguments.get(1) + ")";
            case LEAST -> "MIN(" + first + ", " + arguments.get(1) + ")";
            case YEAR -> "CAST(strftime('%Y', " + first + ") AS INTEGER)";
            case MONTH -> "CAST(strftime('%m', " + first + ") AS INTEGER)";
            case DAY -> "CAST(strftime('%d', " + first + ") AS INTEGER)";
            case TO_STRING -> "CAST(" + first + " AS TEXT)";
            case SUBSTRING -> "SUBSTR(" + first + ", " + arguments.get(1) + ", " + arguments.get(2) + ")";
            case CONCAT -> "(" + String.join(" || ", arguments) + ")";
            case INDEX_OF -> "(INSTR(" + first + ", " + arguments.get(1) + ") - 1)";
            default -> super.function(kind, arguments);
        };
    }

    /**
     * The clause that makes the backslash the LIKE escape character: SQLite's LIKE has no escape
     * character unless one is given, where the other databases default to the backslash that
     * {@code Like.escape} writes. The SQL renderer appends it after {@code LIKE ?}.
     *
     * @return {@code " ESCAPE '\\'"}
     */
    @Override
    public String likeEscape() {
        return " ESCAPE '\\'";
    }

    @Override
    public boolean hasArrays() {
        return false;
    }

    @Override
    public Object toDatabase(Object value) {
        if (value instanceof List<?> || value instanceof String[]) {
            return ColumnConversions.joined(value);   // SQLite has no arrays: the elements in text
        }
        return super.toDatabase(value);
    }

    @Override
    public Class<?> databaseType(Class<?> javaType) {
        return javaType == List.class || javaType == String[].class ? String.class : super.databaseType(javaType);
    }

    /**
     * {@inheritDoc} Expressions over temporal, decimal and UUID columns ({@code MIN(published)},
     * {@code MAX(amount)}) have no declared type, so the driver returns what SQLite stored: text
     * in the driver's formats, which is parsed here.
     */
    @Override
    public Object fromDatabase(Object value, Class<?> javaType) {
        if (value instanceof String text && !javaType.isInstance(value)) {
            Object parsed = fromText(text.strip(), javaType);
            if (parsed != null) {
                return parsed;
            }
        }
        return super.fromDatabase(value, javaType);
    }

    private static Object fromText(String text, Class<?> javaType) {
        if (javaType == BigDecimal.class) {
            return new BigDecimal(text);
        }
        if (javaType == Long.class || javaType == Integer.class || javaType == Short.class || javaType == Double.class
                || javaType == Float.class) {
            return null;
        }
        if (javaType != LocalDate.class && javaType != LocalDateTime.class && javaType != LocalTime.class
                && javaType != Instant.class && javaType != OffsetDateTime.class) {
            return null;
        }
        TemporalAccessor parsed = TEXT_TIME.parse(text);
        boolean hasDate = parsed.isSupported(ChronoField.EPOCH_DAY);
        boolean hasTime = parsed.isSupported(ChronoField.NANO_OF_DAY);
        if (javaType == LocalTime.class) {
            return hasTime ? LocalTime.from(parsed) : null;
        }
        if (!hasDate) {
            return null;
        }
        if (javaType == LocalDate.class) {
            return LocalDate.from(parsed);
        }
        LocalDateTime local = hasTime ? LocalDateTime.of(LocalDate.from(parsed), LocalTime.from(parsed))
                : LocalDate.from(parsed).atStartOfDay();
        ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
        Instant instant = local.toInstant(offset);
        if (javaType == Instant.class) {
            return instant;
        }
        if (javaType == OffsetDateTime.class) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
