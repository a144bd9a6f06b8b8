package io.nextorm.dialect;

import java.util.Set;

/**
 * PostgreSQL through r2dbc-postgresql: {@code $n} parameter markers, TEXT, BYTEA, TIMESTAMPTZ.
 */
public final class PostgresDialect extends AbstractDialect {

    private static final Set<String> RESERVED = Set.of("ALL", "ANALYSE", "ANALYZE", "AND", "ANY", "ARRAY", "AS", "ASC",
            "ASYMMETRIC", "AUTHORIZATION", "BINARY", "BOTH", "CASE", "CAST", "CHECK", "COLLATE", "COLLATION", "COLUMN",
            "CONCURRENTLY", "CONSTRAINT", "CREATE", "CROSS", "CURRENT_CATALOG", "CURRENT_DATE", "CURRENT_ROLE",
            "CURRENT_SCHEMA", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "DEFAULT", "DEFERRABLE", "DESC",
            "DISTINCT", "DO", "ELSE", "END", "EXCEPT", "FALSE", "FETCH", "FOR", "FOREIGN", "FREEZE", "FROM", "FULL",
            "GRANT", "GROUP", "HAVING", "ILIKE", "IN", "INITIALLY", "INNER", "INTERSECT", "INTO", "IS", "ISNULL", "JOIN",
            "LATERAL", "LEADING", "LEFT", "LIKE", "LIMIT", "LOCALTIME", "LOCALTIMESTAMP", "NATURAL", "NOT", "NOTNULL",
            "NULL", "OFFSET", "ON", "ONLY", "OR", "ORDER", "OUTER", "OVERLAPS", "PLACING", "PRIMARY", "REFERENCES",
            "RETURNING", "RIGHT", "SELECT", "SESSION_USER", "SIMILAR", "SOME", "SYMMETRIC", "SYSTEM_USER", "TABLE",
            "TABLESAMPLE", "THEN", "TO", "TRAILING", "TRUE", "UNION", "UNIQUE", "USER", "USING", "VARIADIC", "VERBOSE",
            "WHEN", "WHERE", "WINDOW", "WITH");

    /**
     * Creates the dialect.
     */
    public PostgresDialect() {
        super(RESERVED);
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    protected String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public String parameterMarker(int index) {
        return "$" + index;
    }

    @Override
    public boolean castsUserDefinedTypes() {
        return true;
    }

    @Override
    public String castMarker(String marker, String typeName) {
        return marker + "::" + identifier(typeName);
    }

    @Override
    public boolean acceptsQuestionMarks() {
        return false;
    }

    @Override
    protected String jsonType() {
        return "JSONB";
    }

    @Override
    protected String textType() {
        return "TEXT";
    }

    @Override
    protected String arrayType() {
        return "TEXT[]";
    }

    @Override
    protected String binaryType() {
        return "BYTEA";
    }

    @Override
    protected String timestampWithTimeZoneType() {
        return "TIMESTAMP(6) WITH TIME ZONE";
    }

    @Override
    public String listColumnsSql() {
        return "SELECT table_name, column_name, is_nullable, data_type, COALESCE(domain_name, udt_name)"
                + " FROM information_schema.columns WHERE table_schema = current_schema()";
    }

    @Override
    public String listTablesSql() {
        return "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()";
    }

    @Override
    public String randomFunction() {
        return "RANDOM()";
    }

    @Override
    public String stringAggregate(String expression, java.util.function.Supplier<String> separator) {
        return "STRING_AGG(CAST(" + expression + " AS TEXT), CAST(" + separator.get() + " AS TEXT) ORDER BY "
                + expression + ")";
    }
}
