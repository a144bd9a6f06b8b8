package io.nextorm.internal.sql;

import io.nextorm.dialect.Dialect;

/**
 * The SQL of many-to-many link rows: a link table with its two key columns.
 */
public final class LinkStatements {

    private final Dialect dialect;

    LinkStatements(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * A multi-row INSERT of link rows.
     *
     * @param table the link table
     * @param first the first key column
     * @param second the second key column
     * @param rows the number of rows, at least 1
     * @return the SQL, two parameters a row (first key, second key)
     */
    public String insertSql(String table, String first, String second, int rows) {
        SqlText sql = new SqlText(dialect).append("INSERT INTO ").identifier(table).append(" (")
                .identifier(first).append(", ").identifier(second).append(") VALUES ");
        for (int row = 0; row < rows; row++) {
            sql.append(row == 0 ? "(" : ", (").markers(2).append(")");
        }
        return sql.toString();
    }

    /**
     * The DELETE of one link row.
     *
     * @param table the link table
     * @param first the first key column
     * @param second the second key column
     * @return the SQL, two parameters (first key, second key)
     */
    public String deleteSql(String table, String first, String second) {
        return new SqlText(dialect).append("DELETE FROM ").identifier(table).append(" WHERE ").equalsMarker(first)
                .append(" AND ").equalsMarker(second).toString();
    }
}
