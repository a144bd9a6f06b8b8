package io.nextorm.dialect;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.List;
import java.util.UUID;

/**
 * MariaDB 10.6+ through r2dbc-mariadb: backtick quoting, AUTO_INCREMENT keys, utf8mb4 tables with the
 * NO PAD binary collation {@code utf8mb4_nopad_bin} (so {@code 'x' = 'x '} is false, as on the other databases).
 * MariaDB has no time-zone-aware timestamp with a full range, so {@code Instant} and
 * {@code OffsetDateTime} are stored as {@code DATETIME(6)} in UTC (an offset reads back as UTC);
 * UUIDs are stored as their 36-character text.
 */
public final class MariaDbDialect extends AbstractDialect {

    private static final Set<String> RESERVED = Set.of("ACCESSIBLE", "ADD", "ALL", "ALTER", "ANALYZE", "AND", "AS", "ASC",
            "ASENSITIVE", "BEFORE", "BETWEEN", "BIGINT", "BINARY", "BLOB", "BOTH", "BY", "CALL", "CASCADE", "CASE",
            "CHANGE", "CHAR", "CHARACTER", "CHECK", "COLLATE", "COLUMN", "CONDITION", "CONSTRAINT", "CONTINUE",
            "CONVERT", "CREATE", "CROSS", "CURRENT_DATE", "CURRENT_ROLE", "CURRENT_TIME", "CURRENT_TIMESTAMP",
            "CURRENT_USER", "CURSOR", "DATABASE", "DATABASES", "DAY_HOUR", "DAY_MICROSECOND", "DAY_MINUTE",
            "DAY_SECOND", "DEC", "DECIMAL", "DECLARE", "DEFAULT", "DELAYED", "DELETE", "DESC", "DESCRIBE",
            "DETERMINISTIC", "DISTINCT", "DISTINCTROW", "DIV", "DOUBLE", "DROP", "DUAL", "EACH", "ELSE", "ELSEIF",
            "ENCLOSED", "ESCAPED", "EXCEPT", "EXISTS", "EXIT", "EXPLAIN", "FALSE", "FETCH", "FLOAT", "FLOAT4", "FLOAT8",
            "FOR", "FORCE", "FOREIGN", "FROM", "FULLTEXT", "GENERAL", "GRANT", "GROUP", "HAVING", "HIGH_PRIORITY",
            "HOUR_MICROSECOND", "HOUR_MINUTE", "HOUR_SECOND", "IF", "IGNORE", "IN", "INDEX", "INFILE", "INNER", "INOUT",
            "INSENSITIVE", "INSERT", "INT", "INT1", "INT2", "INT3", "INT4", "INT8", "INTEGER", "INTERSECT", "INTERVAL",
            "INTO", "IS", "ITERATE", "JOIN", "KEY", "KEYS", "KILL", "LEADING", "LEAVE", "LEFT", "LIKE", "LIMIT",
            "LINEAR", "LINES", "LOAD", "LOCALTIME", "LOCALTIMESTAMP", "LOCK", "LONG", "LONGBLOB", "LONGTEXT", "LOOP",
            "LOW_PRIORITY", "MATCH", "MAXVALUE", "MEDIUMBLOB", "MEDIUMINT", "MEDIUMTEXT", "MIDDLEINT",
            "MINUTE_MICROSECOND", "MINUTE_SECOND", "MOD", "MODIFIES", "NATURAL", "NOT", "NO_WRITE_TO_BINLOG", "NULL",
            "NUMERIC", "OFFSET", "ON", "OPTIMIZE", "OPTION", "OPTIONALLY", "OR", "ORDER", "OUT", "OUTER", "OUTFILE",
            "OVER", "PARTITION", "POSITION", "PRECISION", "PRIMARY", "PROCEDURE", "PURGE", "RANGE", "READ", "READS",
            "READ_WRITE", "REAL", "RECURSIVE", "REFERENCES", "REGEXP", "RELEASE", "RENAME", "REPEAT", "REPLACE",
            "REQUIRE", "RESIGNAL", "RESTRICT", "RETURN", "RETURNING", "REVOKE", "RIGHT", "RLIKE", "ROW_NUMBER", "ROWS",
            "SCHEMA", "SCHEMAS", "SECOND_MICROSECOND", "SELECT", "SENSITIVE", "SEPARATOR", "SET", "SHOW", "SIGNAL",
            "SLOW", "SMALLINT", "SPATIAL", "SPECIFIC", "SQL", "SQLEXCEPTION", "SQLSTATE", "SQLWARNING",
            "SQL_BIG_RESULT", "SQL_CALC_FOUND_ROWS", "SQL_SMALL_RESULT", "SSL", "STARTING", "STRAIGHT_JOIN", "TABLE",
            "TERMINATED", "THEN", "TINYBLOB", "TINYINT", "TINYTEXT", "TO", "TRAILING", "TRIGGER", "TRUE", "UNDO",
            "UNION", "UNIQUE", "UNLOCK", "UNSIGNED", "UPDATE", "USAGE", "USE", "USING", "UTC_DATE", "UTC_TIME",
            "UTC_TIMESTAMP", "VALUES", "VARBINARY", "VARCHAR", "VARCHARACTER", "VARYING", "WHEN", "WHERE", "WHILE",
            "WINDOW", "WITH", "WRITE", "XOR", "YEAR_MONTH", "ZEROFILL");

    /**
     * Creates the dialect.
     */
    public MariaDbDialect() {
        super(RESERVED);
    }

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    protected String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    /**
     * Yes: MariaDB has no UPDATE ... RETURNING, and r2dbc-mariadb sends each binding of a batch as a
     * round trip of its own, so 1,000 objects changed alike would cost 1,000 round trips.
     */
    @Override
    public boolean updatesRowsByKey() {
        return true;
    }

    @Override
    public boolean backslashEscapesInLiterals() {
        return true;
    }

    @Override
    protected String jsonType() {
        return "JSON";
    }

    @Override
    protected String textType() {
        return "LONGTEXT";
    }

    @Override
    protected String binaryType() {
        return "LONGBLOB";
    }

    @Override
    protected String timestampWithTimeZoneType() {
        return "DATETIME(6)";
    }

    @Override
    protected String uuidType() {
        return "CHAR(36)";
    }

    @Override
    protected String doubleType() {
        return "DOUBLE";
    }

    @Override
    protected String identityColumn(io.nextorm.mapping.Column column) {
        return columnType(column) + " AUTO_INCREMENT";
    }

    @Override
    protected String tableOptions() {
        return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin";
    }

    @Override
    public String columnType(io.nextorm.mapping.Column column) {
        if (column.javaType() == java.time.LocalDateTime.class) {
            return "DATETIME(6)";
        }
        if (column.javaType() == Float.class) {
            return "FLOAT";
        }
        return super.columnType(column);
    }

    @Override
    public void appendLimitOffset(StringBuilder sql, Long limit, Long offset) {
        // MariaDB has no OFFSET without LIMIT; its manual's idiom is the largest unsigned BIGINT
        if (limit == null && offset != null && offset > 0) {
            sql.append(" LIMIT 18446744073709551615 OFFSET ").append(offset);
            return;
        }
        super.appendLimitOffset(sql, limit, offset);
    }

    @Override
    public String listColumnsSql() {
        return "SELECT table_name, column_name, is_nullable, data_type, column_type FROM information_schema.columns"
                + " WHERE table_schema = DATABASE()";
    }

    @Override
    protected boolean offsetWithoutLimit() {
        return false;
    }

    @Override
    protected String noLimit() {
        return "18446744073709551615";
    }

    @Override
    public String listTablesSql() {
        return "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()";
    }

    /**
     * MariaDB casts to CHAR (it has no CAST AS VARCHAR) and finds a substring with LOCATE.
     */
    @Override
    public String function(io.nextorm.query.ScalarFunction.Kind kind, java.util.List<String> arguments) {
        return switch (kind) {
            case TO_STRING -> "CAST(" + arguments.get(0) + " AS CHAR)";
            case INDEX_OF -> "(LOCATE(" + arguments.get(1) + ", " + arguments.get(0) + ") - 1)";
            default -> super.function(kind, arguments);
        };
    }

    @Override
    public String randomFunction() {
        return "RAND()";
    }

    /**
     * {@inheritDoc} GROUP_CONCAT's SEPARATOR takes only a string literal, so each value is prefixed
     * with the bound separator, concatenated with none, and the first separator cut off:
     * {@code SUBSTRING(GROUP_CONCAT(CONCAT(?, x) ORDER BY x SEPARATOR ''), CHAR_LENGTH(?) + 1)}.
     * The result is limited by the server's {@code group_concat_max_len} (1 MiB by default).
     */
    @Override
    public String stringAggregate(String expression, java.util.function.Supplier<String> separator) {
        String prefixed = "GROUP_CONCAT(CONCAT(" + separator.get() + ", " + expression + ") ORDER BY " + expression
                + " SEPARATOR '')";
        return "SUBSTRING(" + prefixed + ", CHAR_LENGTH(" + separator.get() + ") + 1)";
    }

    @Override
    public boolean hasArrays() {
        return false;
    }

    @Override
    public Object toDatabase(Object value) {
        if (value instanceof Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (value instanceof OffsetDateTime offsetDateTime) {
            return offsetDateTime.atZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (value instanceof UUID uuid) {
            return uuid.toString();
        }
        if (value instanceof List<?> || value instanceof String[]) {
            return ColumnConversions.joined(value);   // a SET column, or text: MariaDB has no arrays
        }
        return super.toDatabase(value);
    }

    @Override
    public Class<?> databaseType(Class<?> javaType) {
        if (javaType == Instant.class || javaType == OffsetDateTime.class) {
            return LocalDateTime.class;
        }
        if (javaType == UUID.class || javaType == List.class || javaType == String[].class) {
            return String.class;
        }
        return super.databaseType(javaType);
    }
}
