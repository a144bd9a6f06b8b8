package io.nextorm.internal.sql;

import io.nextorm.dialect.Dialect;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.PropertyModel;

import java.util.ArrayList;
import java.util.List;

/**
 * The UPDATE of many rows alike over a list of rows ({@link Dialect#updateFromRows}): a row per
 * change holding, in the order the UPDATE of one change binds them, the values to set ({@code c0,
 * c1, ...}), the key ({@code k0, ...}) and the values read that are checked ({@code o0, ...});
 * the columns checked for NULL are conditions on the table alone.
 */
final class RowListUpdate {

    private final Dialect dialect;
    private final List<String> columns = new ArrayList<>();
    private final List<PropertyModel> bound = new ArrayList<>();
    private final List<String> targets = new ArrayList<>();
    private final List<String> sources = new ArrayList<>();
    private final StringBuilder condition = new StringBuilder();

    private RowListUpdate(Dialect dialect) {
        this.dialect = dialect;
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
     * @return the SQL, or null where the dialect has no such statement
     */
    static String sql(Dialect dialect, EntityModel<?> model, List<PropertyModel> set, List<PropertyModel> checked,
                      List<PropertyModel> nullChecked, int rows) {
        RowListUpdate update = new RowListUpdate(dialect);
        for (PropertyModel column : set) {
            for (String name : column.columns()) {
                update.targets.add(dialect.identifier(name));
                update.sources.add("v." + update.column("c", column));
            }
        }
        update.matched(model.key().parts(), "k");
        update.matched(checked, "o");
        for (PropertyModel column : nullChecked) {
            for (String name : column.columns()) {
                update.condition.append(" AND t.").append(dialect.identifier(name)).append(" IS NULL");
            }
        }
        return dialect.updateFromRows(dialect.identifier(model.table()), update.columns, update.rows(rows),
                update.targets, update.sources, update.condition.substring(" AND ".length()));
    }

    /** Adds a list column per table column of each property, and {@code t.column = v.name} to the condition. */
    private void matched(List<PropertyModel> properties, String prefix) {
        for (PropertyModel property : properties) {
            for (String name : property.columns()) {
                condition.append(" AND t.").append(dialect.identifier(name)).append(" = v.").append(column(prefix, property));
            }
        }
    }

    /** Names the next list column and records the property its values are bound for. */
    private String column(String prefix, PropertyModel property) {
        int number = 0;
        for (String taken : columns) {
            if (taken.startsWith(prefix)) {
                number++;
            }
        }
        String name = prefix + number;
        columns.add(name);
        bound.add(property);
        return name;
    }

    /** The markers of each row, numbered row by row, cast as the columns' own are. */
    private List<List<String>> rows(int rows) {
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
