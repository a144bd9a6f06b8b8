package io.nextorm.mapping;

import java.util.List;

/**
 * A FOREIGN KEY constraint of a {@link Table}.
 *
 * @param name the constraint name
 * @param columns the referencing columns
 * @param referencedTable the referenced table
 * @param referencedColumns the referenced columns (its primary key)
 */
public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns) {

    /**
     * Copies the lists.
     */
    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }
}
