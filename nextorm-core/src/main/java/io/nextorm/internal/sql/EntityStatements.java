package io.nextorm.internal.sql;

import io.nextorm.dialect.Dialect;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.PropertyKind;
import io.nextorm.internal.mapping.PropertyModel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The fixed SQL of one entity, rendered once: the columns it writes, INSERT with and without the
 * key, UPDATE and DELETE by key, SELECT by key. Parameters are bound in the order of
 * {@link #insertColumns(boolean)} and {@link #updateColumns()}.
 */
public final class EntityStatements {

    private final EntityModel<?> model;
    private final Dialect dialect;
    private final List<PropertyModel> insertWithKey;
    private final List<PropertyModel> insertWithoutKey;
    private final List<PropertyModel> updateColumns;
    private final String insertWithKeySql;
    private final String insertWithoutKeySql;
    private final String selectColumns;
    private final String selectByIdSql;
    private final String deleteByIdSql;

    EntityStatements(EntityModel<?> model, Dialect dialect) {
        this.model = model;
        this.dialect = dialect;
        List<PropertyModel> written = model.properties().stream()
                .filter(p -> p.kind() != PropertyKind.SET).toList();
        this.insertWithKey = written;
        this.insertWithoutKey = written.stream().filter(p -> p.kind() != PropertyKind.ID).toList();
        this.updateColumns = insertWithoutKey;
        this.insertWithKeySql = insertPrefix(insertWithKey) + " VALUES " + valuesRow(insertWithKey.size(), 0);
        this.insertWithoutKeySql = insertPrefix(insertWithoutKey) + " VALUES " + valuesRow(insertWithoutKey.size(), 0);
        this.selectColumns = model.eagerColumns().stream().map(p -> dialect.identifier(p.column()))
                .collect(Collectors.joining(", "));
        String table = dialect.identifier(model.table());
        String key = dialect.identifier(model.id().column()) + " = " + dialect.parameterMarker(1);
        this.selectByIdSql = "SELECT " + selectColumns + " FROM " + table + " WHERE " + key;
        this.deleteByIdSql = "DELETE FROM " + table + " WHERE " + key;
    }

    /**
     * The entity.
     *
     * @return its model
     */
    public EntityModel<?> model() {
        return model;
    }

    /**
     * The properties an INSERT writes, in parameter order.
     *
     * @param withKey whether the key is written (false: the database generates it)
     * @return the properties
     */
    public List<PropertyModel> insertColumns(boolean withKey) {
        return withKey ? insertWithKey : insertWithoutKey;
    }

    /**
     * The single-row INSERT.
     *
     * @param withKey whether the key is written
     * @return the SQL
     */
    public String insertSql(boolean withKey) {
        return withKey ? insertWithKeySql : insertWithoutKeySql;
    }

    /**
     * A multi-row INSERT: {@code INSERT ... VALUES (...), (...)}.
     *
     * @param withKey whether the key is written
     * @param rows the number of rows, at least 1
     * @return the SQL
     */
    public String insertSql(boolean withKey, int rows) {
        if (rows == 1) {
            return insertSql(withKey);
        }
        List<PropertyModel> columns = insertColumns(withKey);
        StringBuilder sql = new StringBuilder(insertPrefix(columns)).append(" VALUES ");
        for (int row = 0; row < rows; row++) {
            if (row > 0) {
                sql.append(", ");
            }
            sql.append(valuesRow(columns.size(), row * columns.size()));
        }
        return sql.toString();
    }

    /**
     * The properties an UPDATE of every column writes, in parameter order (the key comes last).
     *
     * @return the properties
     */
    public List<PropertyModel> updateColumns() {
        return updateColumns;
    }

    /**
     * An UPDATE of some columns by key, optionally checking the values read (optimistic check).
     *
     * @param columns the columns to set, in parameter order
     * @param checked the columns whose old value must still be in the row, in parameter order after
     *                the key; a null old value is checked with IS NULL by passing it in {@code nullChecked}
     * @param nullChecked the checked columns whose old value was NULL (no parameter)
     * @return the SQL
     */
    public String updateSql(List<PropertyModel> columns, List<PropertyModel> checked, List<PropertyModel> nullChecked) {
        StringBuilder sql = new StringBuilder("UPDATE ").append(dialect.identifier(model.table())).append(" SET ");
        int n = 0;
        for (PropertyModel column : columns) {
            if (n > 0) {
                sql.append(", ");
            }
            sql.append(dialect.identifier(column.column())).append(" = ").append(dialect.parameterMarker(++n));
        }
        sql.append(" WHERE ").append(dialect.identifier(model.id().column())).append(" = ")
                .append(dialect.parameterMarker(++n));
        for (PropertyModel column : checked) {
            sql.append(" AND ").append(dialect.identifier(column.column())).append(" = ")
                    .append(dialect.parameterMarker(++n));
        }
        for (PropertyModel column : nullChecked) {
            sql.append(" AND ").append(dialect.identifier(column.column())).append(" IS NULL");
        }
        return sql.toString();
    }

    /**
     * An UPDATE of every column by key, without checks.
     *
     * @return the SQL
     */
    public String updateAllSql() {
        return updateSql(updateColumns, Collections.emptyList(), Collections.emptyList());
    }

    /**
     * The SELECT of one row by key.
     *
     * @return the SQL, one parameter
     */
    public String selectByIdSql() {
        return selectByIdSql;
    }

    /**
     * The eager column list, for SELECTs written elsewhere.
     *
     * @return the comma-separated columns
     */
    public String selectColumns() {
        return selectColumns;
    }

    /**
     * The DELETE of one row by key.
     *
     * @return the SQL, one parameter
     */
    public String deleteByIdSql() {
        return deleteByIdSql;
    }

    /**
     * The SELECT of one column of one row by key, for loading a lazy field.
     *
     * @param property the lazy property
     * @return the SQL, one parameter
     */
    public String selectColumnByIdSql(PropertyModel property) {
        return "SELECT " + dialect.identifier(property.column()) + " FROM " + dialect.identifier(model.table())
                + " WHERE " + dialect.identifier(model.id().column()) + " = " + dialect.parameterMarker(1);
    }

    /**
     * The values of an entity's columns, ready to bind (NULLs typed).
     *
     * @param entity the entity
     * @param columns the properties
     * @param referenceKey how to get the key of a referenced entity
     * @return the parameter values
     */
    public static List<Object> values(Object entity, List<PropertyModel> columns,
                                      java.util.function.BiFunction<PropertyModel, Object, Object> referenceKey) {
        List<Object> values = new ArrayList<>(columns.size() + 1);
        for (PropertyModel column : columns) {
            values.add(value(entity, column, referenceKey));
        }
        return values;
    }

    /**
     * The value of one column of an entity, ready to bind.
     *
     * @param entity the entity
     * @param column the property
     * @param referenceKey how to get the key of a referenced entity
     * @return the value, or a {@link TypedNull}
     */
    public static Object value(Object entity, PropertyModel column,
                               java.util.function.BiFunction<PropertyModel, Object, Object> referenceKey) {
        Object value = column.get(entity);
        if (column.kind() == PropertyKind.LAZY && value != null) {
            value = ((io.nextorm.Lazy<?>) value).get();
        } else if (column.kind() == PropertyKind.REFERENCE && value != null) {
            value = referenceKey.apply(column, value);
        }
        if (value == null) {
            Class<?> type = column.kind() == PropertyKind.REFERENCE ? column.target().id().valueType() : column.valueType();
            return new TypedNull(type);
        }
        return value;
    }

    private String insertPrefix(List<PropertyModel> columns) {
        return "INSERT INTO " + dialect.identifier(model.table()) + " ("
                + columns.stream().map(p -> dialect.identifier(p.column())).collect(Collectors.joining(", ")) + ")";
    }

    private String valuesRow(int columns, int offset) {
        StringBuilder row = new StringBuilder("(");
        for (int i = 0; i < columns; i++) {
            if (i > 0) {
                row.append(", ");
            }
            row.append(dialect.parameterMarker(offset + i + 1));
        }
        return row.append(')').toString();
    }
}
