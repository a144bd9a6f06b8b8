package io.nextorm.internal.mapping;

/**
 * What a property of an entity is stored as.
 */
public enum PropertyKind {
    /** The primary key column. */
    ID,
    /** A plain column, loaded with the entity. */
    BASIC,
    /** The optimistic lock column ({@code @Version}). */
    VERSION,
    /** A {@code Lazy<T>} column, left out of queries until loaded on request. */
    LAZY,
    /** A reference to another entity: a foreign key column. */
    REFERENCE,
    /** A {@code Set<T>} of other entities: no column here (the reverse side or a join table holds it). */
    SET,
    /**
     * The reverse side of a one-to-one: a reference with no column here, the other entity's unique
     * reference back ({@code @Column(unique = true)}) holds the foreign key.
     */
    REVERSE_REFERENCE;

    /**
     * Whether the property is stored in a column of its entity's table.
     *
     * @return false for SET and REVERSE_REFERENCE
     */
    public boolean hasColumn() {
        return this != SET && this != REVERSE_REFERENCE;
    }

    /**
     * Whether the property holds other entities loaded by a relation (prefetch, lambdas through it).
     *
     * @return true for REFERENCE, SET and REVERSE_REFERENCE
     */
    public boolean isRelation() {
        return this == REFERENCE || this == SET || this == REVERSE_REFERENCE;
    }

    /**
     * Whether the property is loaded with the entity's row.
     *
     * @return true for ID, BASIC, VERSION and REFERENCE
     */
    public boolean isEagerColumn() {
        return this == ID || this == BASIC || this == VERSION || this == REFERENCE;
    }
}
