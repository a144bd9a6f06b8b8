package io.nextorm;

/**
 * What {@link AsyncDatabase#generateMapping(SchemaCheck, boolean)} does with the database's schema.
 *
 * <pre>{@code
 * db.generateMapping(SchemaCheck.VALIDATE, true).block();   // fails with one MappingException listing every mismatch
 * }</pre>
 */
public enum SchemaCheck {
    /**
     * Reads the database's catalog and fails with one {@link MappingException} that lists every missing
     * table, missing column, nullability and type mismatch, naming the entity field and the fix.
     */
    VALIDATE,
    /** Creates the missing tables ({@code CREATE TABLE IF NOT EXISTS}), then validates as {@link #VALIDATE}. */
    CREATE,
    /** Checks nothing: the first statement against a wrong schema fails. */
    NONE
}
