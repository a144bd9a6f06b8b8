package io.nextorm.internal.sql;

import io.nextorm.Lazy;
import io.nextorm.dialect.Dialect;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.PropertyKind;
import io.nextorm.internal.mapping.PropertyModel;
import io.nextorm.internal.mapping.Relation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The fixed SQL of one entity: the columns it writes, INSERT with and without the key (one row or
 * many), UPDATE of given columns with optimistic checks, DELETE by key, and the SELECTs by keys that
 * loading relations needs. Parameters are bound in the order of {@link #insertColumns(boolean)} and
 * {@link #updateColumns()}. Every text is built with {@link SqlText}.
 */
public final class EntityStatements {

    /** How many UPDATE texts (combinations of changed columns) an entity keeps. */
    private static final int MAX_UPDATE_TEXTS = 256;

    private final EntityModel<?> model;
    private final Dialect dialect;
    private final List<PropertyModel> insertWithKey;
    private final List<PropertyModel> insertWithoutKey;
    private final List<String> eagerColumns;
    private final String insertWithKeySql;
    private final String insertWithoutKeySql;
    /** The UPDATE texts made so far, by the lists of columns set, checked and checked for NULL. */
    private final java.util.Map<List<List<PropertyModel>>, String> updates = new java.util.concurrent.ConcurrentHashMap<>();
    /** The UPDATEs of many rows made so far, by those lists and the number of rows (empty for none). */
    private final java.util.Map<List<Object>, java.util.Optional<RowListUpdate>> rowUpdates = new java.util.concurrent.ConcurrentHashMap<>();

    EntityStatements(EntityModel<?> model, Dialect dialect) {
        this.model = model;
        this.dialect = dialect;
        List<PropertyModel> written = model.properties().stream()
                .filter(p -> p.kind().hasColumn()).toList();
        this.insertWithKey = written;
        this.insertWithoutKey = written.stream().filter(p -> !p.keyPart()).toList();
        this.eagerColumns = columnNames(model.eagerColumns());
        this.insertWithKeySql = renderInsert(insertWithKey, 1);
        this.insertWithoutKeySql = renderInsert(insertWithoutKey, 1);
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
        return rows == 1 ? insertSql(withKey) : renderInsert(insertColumns(withKey), rows);
    }

    /**
     * A multi-row INSERT of some of the columns (the others take the table's DEFAULT).
     *
     * @param columns the properties written, in parameter order
     * @param rows the number of rows, at least 1
     * @return the SQL
     */
    public String insertSql(List<PropertyModel> columns, int rows) {
        return renderInsert(columns, rows);
    }

    /**
     * The properties an UPDATE of every column writes, in parameter order (the key comes last).
     *
     * @return the properties
     */
    public List<PropertyModel> updateColumns() {
        return insertWithoutKey;
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
        List<List<PropertyModel>> shape = List.of(columns, checked, nullChecked);
        String known = updates.get(shape);
        if (known != null) {
            return known;
        }
        String sql = renderUpdate(columns, checked, nullChecked);
        if (updates.size() < MAX_UPDATE_TEXTS) {
            updates.put(List.of(List.copyOf(columns), List.copyOf(checked), List.copyOf(nullChecked)), sql);
        }
        return sql;
    }

    /**
     * The UPDATE of {@code rows} changes alike as one statement, where the dialect has one
     * ({@link Dialect#updateFromRows}, {@link Dialect#updatesRowsByKey}); its parameters are laid out
     * from those of {@link #updateSql} for each change.
     *
     * @param columns the columns to set
     * @param checked the columns whose values read are checked
     * @param nullChecked the checked columns whose value read was NULL
     * @param rows how many changes, at least 1
     * @return the statement, or null where the dialect has none
     */
    public RowListUpdate updateRows(List<PropertyModel> columns, List<PropertyModel> checked, List<PropertyModel> nullChecked,
                                    int rows) {
        List<Object> shape = List.of(columns, checked, nullChecked, rows);
        java.util.Optional<RowListUpdate> known = rowUpdates.get(shape);
        if (known != null) {
            return known.orElse(null);
        }
        RowListUpdate update = RowListUpdate.of(dialect, model, columns, checked, nullChecked, rows);
        if (rowUpdates.size() < MAX_UPDATE_TEXTS) {
            rowUpdates.put(List.of(List.copyOf(columns), List.copyOf(checked), List.copyOf(nullChecked), rows),
                    java.util.Optional.ofNullable(update));
        }
        return update;
    }

    /**
     * The parameters each change adds to the statement of {@link #updateRows}, which bounds how many
     * changes one statement takes.
     *
     * @param columns the columns to set
     * @param own the parameters of the change's own UPDATE ({@link #updateSql})
     * @return the parameters per change
     */
    public int parametersPerRow(List<PropertyModel> columns, int own) {
        return RowListUpdate.parametersPerRow(dialect, model, columns, own);
    }

    private String renderUpdate(List<PropertyModel> columns, List<PropertyModel> checked, List<PropertyModel> nullChecked) {
        SqlText sql = new SqlText(dialect).append("UPDATE ").identifier(model.table()).append(" SET ");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").assignMarker(columns.get(i));
        }
        keyWhere(sql.append(" WHERE "));
        for (PropertyModel column : checked) {
            sql.append(" AND ").equalsMarker(column);
        }
        for (PropertyModel column : nullChecked) {
            sql.append(" AND ").isNull(column);
        }
        return sql.toString();
    }

    /**
     * The DELETE of one row by key, optionally checking its version.
     *
     * @param versionChecked whether the row must still have the version read (a second parameter)
     * @return the SQL: the key, then the version
     */
    public String deleteSql(boolean versionChecked) {
        SqlText sql = new SqlText(dialect).append("DELETE FROM ").identifier(model.table())
                .append(" WHERE ");
        keyWhere(sql);
        if (versionChecked) {
            sql.append(" AND ").equalsMarker(model.version().column());
        }
        return sql.toString();
    }

    /**
     * The DELETEs of an object's many-to-many link rows, one per link-table column that refers to
     * it, to run before the object's own DELETE.
     *
     * @return the SQL, each with one parameter (the object's key)
     */
    public List<String> linkDeleteSql() {
        java.util.Set<String> sql = new java.util.LinkedHashSet<>();
        for (PropertyModel set : model.sets()) {
            Relation relation = set.relation();
            if (relation != null && relation.isManyToMany()) {
                SqlText delete = new SqlText(dialect).append("DELETE FROM ").identifier(relation.joinTable())
                        .append(" WHERE ");
                for (int i = 0; i < relation.ownColumns().size(); i++) {
                    delete.append(i == 0 ? "" : " AND ").equalsMarker(relation.ownColumns().get(i));
                }
                sql.add(delete.toString());
            }
        }
        return List.copyOf(sql);
    }

    /**
     * The UPDATEs that release an object about to be deleted from the optional one-to-ones whose
     * unique reference points at it (the reverse sides of this entity): {@code UPDATE account SET
     * profile_id = NULL WHERE profile_id = ?}, as PonyORM clears them.
     *
     * @return the SQL, each with one parameter (the object's key)
     */
    public List<String> oneToOneReleaseSql() {
        List<String> sql = new java.util.ArrayList<>();
        for (PropertyModel property : model.properties()) {
            if (property.kind() == io.nextorm.internal.mapping.PropertyKind.REVERSE_REFERENCE
                    && property.relation().reverse().nullable()) {
                PropertyModel owning = property.relation().reverse();
                sql.add(new SqlText(dialect).append("UPDATE ").identifier(property.target().table()).append(" SET ")
                        .identifier(owning.column()).append(" = NULL WHERE ").equalsMarker(owning.column()).toString());
            }
        }
        return sql;
    }

    /**
     * The SELECT of one column of one row by key, for loading a lazy field.
     *
     * @param property the lazy property
     * @return the SQL, one parameter
     */
    public String selectColumnByIdSql(PropertyModel property) {
        return keyWhere(new SqlText(dialect).append("SELECT ").identifier(property.column()).append(" FROM ")
                .identifier(model.table()).append(" WHERE ")).toString();
    }

    /**
     * The SELECT of the eager columns of the rows whose column is in a list of values.
     *
     * @param column the column compared ({@code id}, or a foreign key)
     * @param values the number of values in the IN list
     * @return the SQL, one parameter per value
     */
    public String selectInSql(String column, int values) {
        return new SqlText(dialect).append("SELECT ").identifiers("", eagerColumns).append(" FROM ")
                .identifier(model.table()).append(" WHERE ").identifier(column).append(" IN (")
                .markers(values).append(")").toString();
    }

    /**
     * The SELECT of the eager columns of the rows whose property (a foreign key) is one of a list of
     * values: {@code column IN (...)}, or for a reference to a composite-keyed entity
     * {@code (c1 = ? AND c2 = ?) OR ...}.
     *
     * @param property the property compared
     * @param values the number of values (keys) in the list
     * @return the SQL, the column values of each value in turn
     */
    public String selectInSql(PropertyModel property, int values) {
        if (!property.wide()) {
            return selectInSql(property.column(), values);
        }
        SqlText sql = new SqlText(dialect).append("SELECT ").identifiers("", eagerColumns).append(" FROM ")
                .identifier(model.table()).append(" WHERE ");
        for (int k = 0; k < values; k++) {
            sql.append(k == 0 ? "(" : " OR (").equalsMarker(property).append(")");
        }
        return sql.toString();
    }

    /**
     * The SELECT of the keys that still exist among a list of keys.
     *
     * @param keys the number of keys
     * @return the SQL, one parameter per key
     */
    public String selectKeysInSql(int keys) {
        if (model.key().composite()) {
            return keysWhere(new SqlText(dialect).append("SELECT ").identifiers("", model.key().columns())
                    .append(" FROM ").identifier(model.table()).append(" WHERE "), keys).toString();
        }
        String id = model.id().column();
        return new SqlText(dialect).append("SELECT ").identifier(id).append(" FROM ").identifier(model.table())
                .append(" WHERE ").identifier(id).append(" IN (").markers(keys).append(")").toString();
    }

    /**
     * The SELECT of the members of many-to-many sets: the eager columns of this entity, then the
     * owner's key from the link table, for the owners in a list.
     *
     * @param relation the set's relation, whose other side is this entity
     * @param owners the number of owner keys
     * @return the SQL, the owner keys' column values in turn
     */
    public String selectLinkedSql(Relation relation, int owners) {
        List<String> own = relation.ownColumns();
        SqlText sql = new SqlText(dialect).append("SELECT ").identifiers("t.", eagerColumns).append(", ")
                .identifiers("j.", own).append(" FROM ").identifier(model.table()).append(" t JOIN ")
                .identifier(relation.joinTable()).append(" j ON ");
        List<String> keyColumns = model.key().columns();
        for (int i = 0; i < keyColumns.size(); i++) {
            sql.append(i == 0 ? "j." : " AND j.").identifier(relation.otherColumns().get(i)).append(" = t.")
                    .identifier(keyColumns.get(i));
        }
        sql.append(" WHERE ");
        if (own.size() == 1) {
            return sql.append("j.").identifier(own.get(0)).append(" IN (").markers(owners).append(")").toString();
        }
        for (int k = 0; k < owners; k++) {
            sql.append(k == 0 ? "(" : " OR (");
            for (int i = 0; i < own.size(); i++) {
                sql.append(i == 0 ? "j." : " AND j.").equalsMarker(own.get(i));
            }
            sql.append(")");
        }
        return sql.toString();
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
                                      BiFunction<PropertyModel, Object, Object> referenceKey) {
        List<Object> values = new ArrayList<>(columns.size() + 1);
        for (PropertyModel column : columns) {
            addValues(values, entity, column, referenceKey);
        }
        return values;
    }

    /**
     * Adds the values of one property of an entity, ready to bind: one, or one per column of a
     * reference to a composite-keyed entity.
     *
     * @param values where the values go
     * @param entity the entity
     * @param column the property
     * @param referenceKey how to get the key of a referenced entity
     */
    public static void addValues(List<Object> values, Object entity, PropertyModel column,
                                 BiFunction<PropertyModel, Object, Object> referenceKey) {
        Object value = column.get(entity);
        if (column.kind() == PropertyKind.LAZY && value != null) {
            value = column.toColumn(((Lazy<?>) value).get());
        } else if (column.kind() == PropertyKind.REFERENCE && value != null) {
            value = referenceKey.apply(column, value);
        } else {
            value = column.toColumn(value);
        }
        addBound(values, column, value);
    }

    /**
     * Adds a property's value as bound (for a wide reference, its key's parts), NULLs typed.
     *
     * @param values where the values go
     * @param column the property
     * @param value the column value (a {@link io.nextorm.internal.mapping.CompositeKey} for a wide reference), or null
     */
    public static void addBound(List<Object> values, PropertyModel column, Object value) {
        if (!column.wide()) {
            values.add(value == null ? TypedNull.of(column) : value);
            return;
        }
        List<Object> parts = column.columnValues(value);
        List<Class<?>> types = column.columnTypes();
        for (int i = 0; i < parts.size(); i++) {
            values.add(parts.get(i) == null ? new TypedNull(types.get(i)) : parts.get(i));
        }
    }

    /**
     * The SELECT of the eager columns of the rows of some keys: {@code key IN (...)}, or for a
     * composite key {@code (k1 = ? AND k2 = ?) OR ...} (every dialect reads that, row values or not).
     *
     * @param keys the number of keys
     * @return the SQL, the key column values of each key in turn
     */
    public String selectByKeysSql(int keys) {
        if (!model.key().composite()) {
            return selectInSql(model.id().column(), keys);
        }
        return keysWhere(new SqlText(dialect).append("SELECT ").identifiers("", eagerColumns).append(" FROM ")
                .identifier(model.table()).append(" WHERE "), keys).toString();
    }

    private SqlText keysWhere(SqlText sql, int keys) {
        for (int k = 0; k < keys; k++) {
            keyWhere(sql.append(k == 0 ? "(" : " OR (")).append(")");
        }
        return sql;
    }

    /**
     * Appends {@code k1 = ? AND k2 = ?} over the key columns, in key order.
     */
    private SqlText keyWhere(SqlText sql) {
        List<PropertyModel> parts = model.key().parts();
        for (int i = 0; i < parts.size(); i++) {
            sql.append(i == 0 ? "" : " AND ").equalsMarker(parts.get(i));
        }
        return sql;
    }

    private String renderInsert(List<PropertyModel> columns, int rows) {
        SqlText sql = new SqlText(dialect).append("INSERT INTO ").identifier(model.table()).append(" (")
                .identifiers("", columnNames(columns)).append(") VALUES ");
        for (int row = 0; row < rows; row++) {
            sql.append(row == 0 ? "(" : ", (").markersFor(columns).append(")");
        }
        return sql.toString();
    }

    private static List<String> columnNames(List<PropertyModel> properties) {
        return properties.stream().flatMap(p -> p.columns().stream()).toList();
    }
}
