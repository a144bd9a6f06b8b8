package io.nextorm.dialect;

import java.util.List;
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

    /**
     * {@code UPDATE table AS t SET a = v.c0 FROM (VALUES (0, $1, $2), (1, $3, $4)) AS v(n, c0, k0)
     * WHERE t.id = v.k0 RETURNING v.n}: the values take the types the driver binds them with (and
     * the casts of enum and domain columns), as they do in an UPDATE of one row.
     */
    @Override
    public String updateFromRows(String table, List<String> columns, List<List<String>> rows, List<String> targets,
                                 List<String> sources, String condition) {
        StringBuilder sql = new StringBuilder(64 + rows.size() * (columns.size() + 1) * 8);
        sql.append("UPDATE ").append(table).append(" AS t SET ");
        for (int i = 0; i < targets.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(targets.get(i)).append(" = ").append(sources.get(i));
        }
        sql.append(" FROM (VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            sql.append(r == 0 ? "(" : ", (").append(r);
            for (String value : rows.get(r)) {
                sql.append(", ").append(value);
            }
            sql.append(')');
        }
        sql.append(") AS v(n");
        for (String column : columns) {
            sql.append(", ").append(column);
        }
        return sql.append(") WHERE ").append(condition).append(" RETURNING v.n").toString();
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
