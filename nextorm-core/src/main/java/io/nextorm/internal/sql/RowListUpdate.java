package io.nextorm.internal.sql;

import io.nextorm.dialect.Dialect;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.PropertyModel;

import java.util.ArrayList;
import java.util.List;

/**
 * One UPDATE of a run of changes alike (the same columns set, checked and checked for NULL), in
 * one of two forms, as the dialect has them:
 * <ul>
 *   <li>over a list of rows ({@link Dialect#updateFromRows}, PostgreSQL): a row per change holding
 *       the values to set ({@code c0, c1, ...}), the key ({@code k0, ...}) and the values read that
 *       are checked ({@code o0, ...}); the statement returns the ordinal of each row it updated;</li>
 *   <li>by key ({@link Dialect#updatesRowsByKey}, MariaDB): {@code UPDATE t SET a = CASE WHEN k = ?
 *       THEN ? ... END WHERE (k = ? AND a = ?) OR ...}; the statement reports only how many rows it
 *       updated.</li>
 * </ul>
 * Either way the columns checked for NULL are conditions on the table alone, and
 * {@link #parameters} lays out the parameters of the changes' own UPDATEs (values, key, checks).
 */
public final class RowListUpdate {

    private final String sql;
    private final boolean returnsRows;
    private final int values;
    private final int keys;

    private RowListUpdate(String sql, boolean returnsRows, int values, int keys) {
        this.sql = sql;
        this.returnsRows = returnsRows;
        this.values = values;
        this.keys = keys;
    }

    /**
     * The statement for {@code rows} changes.
     *
     * @param dialect the dialect
     * @param model the entity
     * @param set the columns set, in parameter order
     * @param checked the columns whose values read are checked
     * @param nullChecked the checked columns that were NULL
     * @param rows how many changes
     * @return the statement, or null where the dialect has neither form
     */
    static RowListUpdate of(Dialect dialect, EntityModel<?> model, List<PropertyModel> set, List<PropertyModel> checked,
                            List<PropertyModel> nullChecked, int rows) {
        int values = columnCount(set);
        int keys = columnCount(model.key().parts());
        String listed = overList(dialect, model, set, checked, nullChecked, rows);
        if (listed != null) {
            return new RowListUpdate(listed, true, values, keys);
        }
        return dialect.updatesRowsByKey()
                ? new RowListUpdate(byKey(dialect, model, set, checked, nullChecked, rows), false, values, keys) : null;
    }

    /**
     * The parameters each change adds to the statement of many rows.
     *
     * @param dialect the dialect
     * @param model the entity
     * @param set the columns set
     * @param own the parameters of the change's own UPDATE
     * @return the parameters per change: the by-key form binds the key once more per value set (counted
     *         wherever the dialect has that form, an upper bound)
     */
    static int parametersPerRow(Dialect dialect, EntityModel<?> model, List<PropertyModel> set, int own) {
        return dialect.updatesRowsByKey() ? own + columnCount(set) * columnCount(model.key().parts()) : own;
    }

    /**
     * The SQL text.
     *
     * @return the text
     */
    public String sql() {
        return sql;
    }

    /**
     * Whether the statement returns the ordinal of each row it updated (else only a count).
     *
     * @return whether it does
     */
    public boolean returnsRows() {
        return returnsRows;
    }

    /**
     * The statement's parameters.
     *
     * @param rows per change, the parameters of its own UPDATE: the values set, the key, the checks
     * @return the parameters in the statement's order
     */
    public List<Object> parameters(List<List<Object>> rows) {
        List<Object> all = new ArrayList<>(rows.size() * (rows.get(0).size() + values * keys));
        if (returnsRows) {
            rows.forEach(all::addAll);
            return all;
        }
        for (int value = 0; value < values; value++) {
            for (List<Object> row : rows) {
                all.addAll(row.subList(values, values + keys));
                all.add(row.get(value));
            }
        }
        for (List<Object> row : rows) {
            all.addAll(row.subList(values, row.size()));
        }
        return all;
    }

    private static int columnCount(List<PropertyModel> properties) {
        int count = 0;
        for (PropertyModel property : properties) {
            count += property.columns().size();
        }
        return count;
    }

    /** {@code UPDATE t SET a = CASE WHEN k = ? THEN ? ... END WHERE (k = ? AND a = ?) OR ...}. */
    private static String byKey(Dialect dialect, EntityModel<?> model, List<PropertyModel> set, List<PropertyModel> checked,
                                List<PropertyModel> nullChecked, int rows) {
        List<PropertyModel> key = model.key().parts();
        SqlText sql = new SqlText(dialect).append("UPDATE ").identifier(model.table()).append(" SET ");
        boolean first = true;
        for (PropertyModel column : set) {
            for (String name : column.columns()) {
                sql.append(first ? "" : ", ").identifier(name).append(" = CASE");
                first = false;
                for (int r = 0; r < rows; r++) {
                    sql.append(" WHEN ");
                    keyEquals(sql, key);
                    sql.append(" THEN ").marker(column);
                }
                sql.append(" END");
            }
        }
        sql.append(" WHERE ");
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "(" : " OR (");
            keyEquals(sql, key);
            for (PropertyModel column : checked) {
                sql.append(" AND ").equalsMarker(column);
            }
            for (PropertyModel column : nullChecked) {
                sql.append(" AND ").isNull(column);
            }
            sql.append(")");
        }
        return sql.toString();
    }

    private static void keyEquals(SqlText sql, List<PropertyModel> key) {
        for (int i = 0; i < key.size(); i++) {
            sql.append(i == 0 ? "" : " AND ").equalsMarker(key.get(i));
        }
    }

    /** {@link Dialect#updateFromRows}'s statement, or null where the dialect has none. */
    private static String overList(Dialect dialect, EntityModel<?> model, List<PropertyModel> set,
                                   List<PropertyModel> checked, List<PropertyModel> nullChecked, int rows) {
        ListColumns list = new ListColumns(dialect);
        List<String> targets = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (PropertyModel column : set) {
            for (String name : column.columns()) {
                targets.add(dialect.identifier(name));
                sources.add("v." + list.column("c", column));
            }
        }
        StringBuilder condition = new StringBuilder();
        list.matched(condition, model.key().parts(), "k");
        list.matched(condition, checked, "o");
        for (PropertyModel column : nullChecked) {
            for (String name : column.columns()) {
                condition.append(" AND t.").append(dialect.identifier(name)).append(" IS NULL");
            }
        }
        return dialect.updateFromRows(dialect.identifier(model.table()), list.names, list.rows(rows), targets, sources,
                condition.substring(" AND ".length()));
    }

    /** The columns of the list of rows, and the property each one's values are bound for. */
    private static final class ListColumns {

        private final Dialect dialect;
        private final List<String> names = new ArrayList<>();
        private final List<PropertyModel> bound = new ArrayList<>();

        ListColumns(Dialect dialect) {
            this.dialect = dialect;
        }

        /** Adds a list column per table column of each property, and {@code AND t.column = v.name} to a condition. */
        void matched(StringBuilder condition, List<PropertyModel> properties, String prefix) {
            for (PropertyModel property : properties) {
                for (String name : property.columns()) {
                    condition.append(" AND t.").append(dialect.identifier(name)).append(" = v.")
                            .append(column(prefix, property));
                }
            }
        }

        /** Names the next list column and records the property its values are bound for. */
        String column(String prefix, PropertyModel property) {
            int number = 0;
            for (String taken : names) {
                if (taken.startsWith(prefix)) {
                    number++;
                }
            }
            String name = prefix + number;
            names.add(name);
            bound.add(property);
            return name;
        }

        /** The markers of each row, numbered row by row, cast as the columns' own are. */
        List<List<String>> rows(int rows) {
            List<List<String>> markers = new ArrayList<>(rows);
            int marker = 0;
            for (int r = 0; r < rows; r++) {
                List<String> row = new ArrayList<>(bound.size());
                for (PropertyModel property : bound) {
                    String text = dialect.parameterMarker(++marker);
                    row.add(property.castType() == null ? text : dialect.castMarker(text, property.castType()));
                }
                markers.add(row);
            }
            return markers;
        }
    }
}
