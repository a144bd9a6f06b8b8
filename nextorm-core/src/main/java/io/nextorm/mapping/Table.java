package io.nextorm.mapping;

import java.util.List;
import java.util.Optional;

/**
 * A table of the mapped schema, as {@code AsyncDatabase.schema()} reports it: an entity's table or
 * the join table of a many-to-many relation.
 *
 * @param name the table name, unquoted
 * @param columns the columns, primary key first
 * @param primaryKey the primary key columns
 * @param foreignKeys the foreign keys
 * @param indexes the indexes and multi-column unique constraints
 */
public record Table(String name, List<Column> columns, List<String> primaryKey, List<ForeignKey> foreignKeys,
                    List<Index> indexes) {

    /**
     * Copies the lists.
     */
    public Table {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        foreignKeys = List.copyOf(foreignKeys);
        indexes = List.copyOf(indexes);
    }

    /**
     * The column of a name.
     *
     * @param columnName the column name
     * @return the column, or empty
     */
    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }
}
