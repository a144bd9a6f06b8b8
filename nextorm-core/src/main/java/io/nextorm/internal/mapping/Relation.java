package io.nextorm.internal.mapping;

import java.util.List;

/**
 * How a {@code Set<T>} property is stored.
 *
 * @param reverse the property on the other side: a reference (one-to-many, one-to-one) or a set (many-to-many)
 * @param joinTable the join table of a many-to-many, null for one-to-many
 * @param ownColumns the join table's columns that refer to this side (one per key column)
 * @param otherColumns the join table's columns that refer to the elements (one per key column)
 */
public record Relation(PropertyModel reverse, String joinTable, List<String> ownColumns, List<String> otherColumns) {

    /** A one-to-many (or one-to-one) relation: no join table. */
    Relation(PropertyModel reverse) {
        this(reverse, null, List.of(), List.of());
    }

    /**
     * Whether the relation is many-to-many.
     *
     * @return true when a join table holds it
     */
    public boolean isManyToMany() {
        return joinTable != null;
    }

    /**
     * The join table's column that refers to this side, whose key is a single column.
     *
     * @return the column
     */
    public String ownColumn() {
        return single(ownColumns);
    }

    /**
     * The join table's column that refers to the elements, whose key is a single column.
     *
     * @return the column
     */
    public String otherColumn() {
        return single(otherColumns);
    }

    private String single(List<String> columns) {
        if (columns.size() != 1) {
            throw new IllegalStateException("The link table " + joinTable + " refers to a composite key through "
                    + columns + ", which this operation does not support");
        }
        return columns.get(0);
    }
}
