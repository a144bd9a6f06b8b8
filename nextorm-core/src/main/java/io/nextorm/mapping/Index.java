package io.nextorm.mapping;

import java.util.List;

/**
 * An index of a {@link Table}, or a UNIQUE constraint over several columns.
 *
 * @param name the index or constraint name
 * @param columns the columns, in order
 * @param unique whether the columns are unique together
 */
public record Index(String name, List<String> columns, boolean unique) {

    /**
     * Copies the list.
     */
    public Index {
        columns = List.copyOf(columns);
    }
}
