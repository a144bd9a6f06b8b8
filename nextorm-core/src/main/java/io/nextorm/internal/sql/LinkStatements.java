package io.nextorm.internal.sql;

import java.util.List;

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
     * @param first the columns of the first side's key
     * @param second the columns of the second side's key
     * @param rows the number of rows, at least 1
     * @return the SQL, a row's parameters being the first key's values, then the second's
     */
    public String insertSql(String table, List<String> first, List<String> second, int rows) {
        SqlText sql = new SqlText(dialect).append("INSERT INTO ").identifier(table).append(" (")
                .identifiers("", first).append(", ").identifiers("", second).append(") VALUES ");
        for (int row = 0; row < rows; row++) {
            sql.append(row == 0 ? "(" : ", (").markers(first.size() + second.size()).append(")");
        }
        return sql.toString();
    }

    /**
     * The DELETE of one link row.
     *
     * @param table the link table
     * @param first the columns of the first side's key
     * @param second the columns of the second side's key
     * @return the SQL, the parameters being the first key's values, then the second's
     */
    public String deleteSql(String table, List<String> first, List<String> second) {
        SqlText sql = new SqlText(dialect).append("DELETE FROM ").identifier(table).append(" WHERE ");
        List<String> columns = new java.util.ArrayList<>(first);
        columns.addAll(second);
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : " AND ").equalsMarker(columns.get(i));
        }
        return sql.toString();
    }
}
