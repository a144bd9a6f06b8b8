package io.nextorm.internal.sqlite;

import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;

/**
 * One row, copied out of the JDBC cursor when it was fetched: reading it touches no JDBC object, so
 * it works on any thread and after the cursor moved on.
 */
final class SqliteRow implements Row {

    private final SqliteRowMetadata metadata;
    private final Object[] values;

    SqliteRow(SqliteRowMetadata metadata, Object[] values) {
        this.metadata = metadata;
        this.values = values;
    }

    @Override
    public RowMetadata getMetadata() {
        return metadata;
    }

    @Override
    public <T> T get(int index, Class<T> type) {
        if (type == null) {
            throw new IllegalArgumentException("The type must not be null");
        }
        SqliteColumnMetadata column = metadata.getColumnMetadata(index);
        Object value = values[index];
        if (value == null) {
            return null;
        }
        return type == Object.class ? type.cast(column.natural(value)) : SqliteValues.read(value, type, column.getName());
    }

    @Override
    public <T> T get(String name, Class<T> type) {
        return get(metadata.indexOf(name), type);
    }

    @Override
    public Object get(int index) {
        SqliteColumnMetadata column = metadata.getColumnMetadata(index);
        Object value = values[index];
        return value == null ? null : column.natural(value);
    }

    @Override
    public Object get(String name) {
        return get(metadata.indexOf(name));
    }
}
