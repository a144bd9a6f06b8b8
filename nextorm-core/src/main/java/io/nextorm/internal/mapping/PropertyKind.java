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
    SET;

    /**
     * Whether the property is loaded with the entity's row.
     *
     * @return true for ID, BASIC, VERSION and REFERENCE
     */
    public boolean isEagerColumn() {
        return this == ID || this == BASIC || this == VERSION || this == REFERENCE;
    }
}
