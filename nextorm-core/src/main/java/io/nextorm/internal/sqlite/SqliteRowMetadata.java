package io.nextorm.internal.sqlite;

import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.RowMetadata;

import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * The columns of a result, looked up by position or by label (case-insensitively, the first of
 * equal labels winning, as SQL resolves names).
 */
final class SqliteRowMetadata implements RowMetadata {

    private final List<SqliteColumnMetadata> columns;

    SqliteRowMetadata(List<SqliteColumnMetadata> columns) {
        this.columns = List.copyOf(columns);
    }

    @Override
    public SqliteColumnMetadata getColumnMetadata(int index) {
        if (index < 0 || index >= columns.size()) {
            throw new IndexOutOfBoundsException("Column index " + index + " is out of range: the result has "
                    + columns.size() + " column(s), numbered from 0");
        }
        return columns.get(index);
    }

    @Override
    public SqliteColumnMetadata getColumnMetadata(String name) {
        return columns.get(indexOf(name));
    }

    @Override
    public List<? extends ColumnMetadata> getColumnMetadatas() {
        return columns;
    }

    @Override
    public boolean contains(String columnName) {
        return find(columnName) >= 0;
    }

    /**
     * The position of the first column with this label.
     *
     * @param name the label, in any case
     * @return the position, from 0
     * @throws NoSuchElementException when no column has that label
     */
    int indexOf(String name) {
        int index = find(name);
        if (index < 0) {
            throw new NoSuchElementException("The result has no column \"" + name + "\"; its columns are "
                    + columns.stream().map(SqliteColumnMetadata::getName).toList());
        }
        return index;
    }

    int size() {
        return columns.size();
    }

    private int find(String name) {
        if (name == null) {
            throw new IllegalArgumentException("The column name must not be null");
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).getName().equalsIgnoreCase(name)) {
                return i;
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).getName().toLowerCase(Locale.ROOT).equals(lower)) {
                return i;
            }
        }
        return -1;
    }
}
