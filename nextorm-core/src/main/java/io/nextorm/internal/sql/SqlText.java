package io.nextorm.internal.sql;

import io.nextorm.dialect.Dialect;

import java.util.List;

/**
 * The one builder of statement text: keywords as given, identifiers quoted by the dialect, and
 * parameter markers numbered from 1 in the order they are written ({@code ?} or {@code $n}, as the
 * driver wants).
 *
 * <pre>{@code
 * String sql = new SqlText(dialect).append("DELETE FROM ").identifier("tag")
 *         .append(" WHERE ").identifier("id").append(" = ").marker().toString();
 * }</pre>
 */
final class SqlText {

    private final Dialect dialect;
    private final StringBuilder text = new StringBuilder(64);
    private int markers;

    /**
     * An empty text for a dialect.
     *
     * @param dialect the dialect that quotes identifiers and writes markers
     */
    SqlText(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Appends SQL as it is (keywords, punctuation).
     *
     * @param sql the text
     * @return this
     */
    SqlText append(String sql) {
        text.append(sql);
        return this;
    }

    /**
     * Appends a quoted identifier.
     *
     * @param name the table or column name
     * @return this
     */
    SqlText identifier(String name) {
        text.append(dialect.identifier(name));
        return this;
    }

    /**
     * Appends quoted identifiers separated by commas, each after a prefix (a table alias and dot, or "").
     *
     * @param prefix the text before each identifier
     * @param names the names
     * @return this
     */
    SqlText identifiers(String prefix, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(prefix).append(dialect.identifier(names.get(i)));
        }
        return this;
    }

    /**
     * Appends the next parameter marker.
     *
     * @return this
     */
    SqlText marker() {
        text.append(dialect.parameterMarker(++markers));
        return this;
    }

    /**
     * Appends the next {@code count} parameter markers, separated by commas.
     *
     * @param count the number of markers
     * @return this
     */
    SqlText markers(int count) {
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(", ");
            }
            marker();
        }
        return this;
    }

    /**
     * Appends the next parameter marker for a value of a column, cast to the column's database type
     * where it has one (a PostgreSQL enum or domain).
     *
     * @param column the column's property
     * @return this
     */
    SqlText marker(io.nextorm.internal.mapping.PropertyModel column) {
        String marker = dialect.parameterMarker(++markers);
        text.append(column.castType() == null ? marker : dialect.castMarker(marker, column.castType()));
        return this;
    }

    /**
     * Appends one marker per column, separated by commas, each cast as {@link #marker(io.nextorm.internal.mapping.PropertyModel)}.
     *
     * @param columns the columns' properties
     * @return this
     */
    SqlText markersFor(List<io.nextorm.internal.mapping.PropertyModel> columns) {
        for (int i = 0; i < columns.size(); i++) {
            io.nextorm.internal.mapping.PropertyModel column = columns.get(i);
            for (int c = 0; c < column.columns().size(); c++) {
                if (i > 0 || c > 0) {
                    text.append(", ");
                }
                marker(column);
            }
        }
        return this;
    }

    /**
     * Appends {@code column = marker}, the marker cast as {@link #marker(io.nextorm.internal.mapping.PropertyModel)}.
     *
     * @param column the column's property
     * @return this
     */
    SqlText equalsMarker(io.nextorm.internal.mapping.PropertyModel column) {
        return eachColumn(column, " AND ", " = ");
    }

    /**
     * Appends {@code column = marker} for the SET list of an UPDATE: for a reference to a composite-keyed
     * entity, one per column, separated by commas.
     *
     * @param column the column's property
     * @return this
     */
    SqlText assignMarker(io.nextorm.internal.mapping.PropertyModel column) {
        return eachColumn(column, ", ", " = ");
    }

    /**
     * Appends {@code column IS NULL}, for each column of a reference to a composite-keyed entity.
     *
     * @param column the column's property
     * @return this
     */
    SqlText isNull(io.nextorm.internal.mapping.PropertyModel column) {
        List<String> names = column.columns();
        for (int i = 0; i < names.size(); i++) {
            identifier(names.get(i)).append(i + 1 < names.size() ? " IS NULL AND " : " IS NULL");
        }
        return this;
    }

    private SqlText eachColumn(io.nextorm.internal.mapping.PropertyModel column, String separator, String operator) {
        List<String> names = column.columns();
        for (int i = 0; i < names.size(); i++) {
            identifier(names.get(i)).append(operator).marker(column);
            if (i + 1 < names.size()) {
                append(separator);
            }
        }
        return this;
    }

    /**
     * Appends {@code identifier = marker}.
     *
     * @param column the column name
     * @return this
     */
    SqlText equalsMarker(String column) {
        return identifier(column).append(" = ").marker();
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
