package io.nextorm.dialect;

import java.util.Locale;
import java.util.Set;

/**
 * H2 2.x through r2dbc-h2. H2 folds unquoted names to upper case, so a reserved word is quoted in
 * upper case ({@code "ORDER"}) and hand-written SQL can still name every other table plainly.
 */
public final class H2Dialect extends AbstractDialect {

    private static final Set<String> RESERVED = Set.of("ALL", "AND", "ANY", "ARRAY", "AS", "ASYMMETRIC",
            "AUTHORIZATION", "BETWEEN", "BOTH", "CASE", "CAST", "CHECK", "CONSTRAINT", "CROSS", "CURRENT_CATALOG",
            "CURRENT_DATE", "CURRENT_PATH", "CURRENT_ROLE", "CURRENT_SCHEMA", "CURRENT_TIME", "CURRENT_TIMESTAMP",
            "CURRENT_USER", "DAY", "DEFAULT", "DISTINCT", "ELSE", "END", "EXCEPT", "EXISTS", "FALSE", "FETCH", "FOR",
            "FOREIGN", "FROM", "FULL", "GROUP", "GROUPS", "HAVING", "HOUR", "IF", "ILIKE", "IN", "INNER", "INTERSECT",
            "INTERVAL", "IS", "JOIN", "KEY", "LEADING", "LEFT", "LIKE", "LIMIT", "LOCALTIME", "LOCALTIMESTAMP", "MINUS",
            "MINUTE", "MONTH", "NATURAL", "NOT", "NULL", "OFFSET", "ON", "OR", "ORDER", "OVER", "PARTITION", "PRIMARY",
            "QUALIFY", "RANGE", "REGEXP", "RIGHT", "ROW", "ROWNUM", "ROWS", "SECOND", "SELECT", "SESSION_USER", "SET",
            "SOME", "SYMMETRIC", "SYSTEM_USER", "TABLE", "TO", "TOP", "TRAILING", "TRUE", "UESCAPE", "UNION", "UNIQUE",
            "UNKNOWN", "USER", "USING", "VALUE", "VALUES", "WHEN", "WHERE", "WINDOW", "WITH", "YEAR", "_ROWID_");

    /**
     * Creates the dialect.
     */
    public H2Dialect() {
        super(RESERVED);
    }

    /**
     * {@inheritDoc} Where the driver's native value is asked for a number field, H2 asks for
     * {@code Number}: r2dbc-h2 finds a codec by trying each in turn, so {@code Object} runs every
     * codec's check before the right one on every number column of every row, while {@code Number}
     * skips the codecs of other classes at once. Each H2 number type has exactly one codec, a
     * {@code Number} codec, so the value read is the same. (Not {@code Temporal} for date-times: a
     * check against an interface costs more than the checks it saves.)
     */
    @Override
    public Class<?> readType(Class<?> javaType) {
        Class<?> read = super.readType(javaType);
        return read == Object.class && Number.class.isAssignableFrom(javaType) ? Number.class : read;
    }

    /**
     * {@inheritDoc} r2dbc-h2 tries its codecs in turn on every read; one asked for the column's own
     * class is found without running the others' checks (about 30 ns a column less than {@code Number}
     * or {@code Object}, measured on a filtered query of 100 rows).
     */
    @Override
    public boolean readsColumnTypes() {
        return true;
    }

    @Override
    public String name() {
        return "h2";
    }

    @Override
    protected String quote(String identifier) {
        return '"' + identifier.toUpperCase(Locale.ROOT).replace("\"", "\"\"") + '"';
    }

    @Override
    protected String textType() {
        return "CHARACTER VARYING";
    }

    @Override
    protected String arrayType() {
        return "CHARACTER VARYING ARRAY";
    }

    @Override
    protected String binaryType() {
        return "BINARY VARYING";
    }

    @Override
    protected String timestampWithTimeZoneType() {
        return "TIMESTAMP(6) WITH TIME ZONE";
    }

    /** H2 binds a String as a CLOB, which it will not convert into an ENUM column: those markers are cast. */
    @Override
    public boolean castsUserDefinedTypes() {
        return true;
    }

    @Override
    public String castMarker(String marker, String typeName) {
        return "CAST(" + marker + " AS VARCHAR)";
    }

    @Override
    public String listColumnsSql() {
        return "SELECT TABLE_NAME, COLUMN_NAME, IS_NULLABLE, DATA_TYPE, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA";
    }

    @Override
    public String listTablesSql() {
        return "SELECT LOWER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA";
    }

    @Override
    public String randomFunction() {
        return "RAND()";
    }

    @Override
    public String stringAggregate(String expression, java.util.function.Supplier<String> separator) {
        return "LISTAGG(CAST(" + expression + " AS VARCHAR), " + separator.get() + ") WITHIN GROUP (ORDER BY "
                + expression + ")";
    }
}
