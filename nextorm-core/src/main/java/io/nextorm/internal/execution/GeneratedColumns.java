package io.nextorm.internal.execution;

import io.nextorm.Lazy;
import io.nextorm.dialect.Dialect;
import io.nextorm.internal.mapping.PropertyModel;
import io.r2dbc.spi.Readable;

/**
 * The base of the column fillers that {@link ColumnFillerGenerator} generates per entity: a
 * generated subclass reads each eager column with a constant class and writes the field directly;
 * what it cannot do in line (a conversion, a reference, a field it cannot reach) it asks of the
 * helpers here, by column index. Public only because the generated class lives in the entity's
 * package.
 */
public abstract class GeneratedColumns {

    private final Dialect dialect;
    private final Class<?>[] valueTypes;
    private final PropertyModel[] properties;
    private final PropertyModel[] lazies;

    /**
     * Prepares the helpers of a generated filler.
     *
     * @param dialect the dialect whose conversions apply
     * @param valueTypes the Java type of each column's value, in column order
     * @param properties the property of each column, in column order
     * @param lazies the entity's lazy properties
     */
    protected GeneratedColumns(Dialect dialect, Class<?>[] valueTypes, PropertyModel[] properties,
                               PropertyModel[] lazies) {
        this.dialect = dialect;
        this.valueTypes = valueTypes;
        this.properties = properties;
        this.lazies = lazies;
    }

    /**
     * Writes a row's eager columns into an object (the key from {@code id}, references through the
     * loader) and sets its lazy fields to not loaded, as {@link EntityRowMapper} does through its
     * properties.
     *
     * @param entity the object
     * @param row a row of the entity's eager columns
     * @param loader where referenced objects come from
     * @param id the row's key, already read
     */
    public abstract void fill(Object entity, Readable row, EntityLoader loader, Object id);

    /**
     * Converts a value the driver returned into a column's Java type, with the dialect.
     *
     * @param raw the driver's value, or null
     * @param index the column index
     * @return the converted value, or null
     */
    protected final Object convert(Object raw, int index) {
        return raw == null ? null : dialect.fromDatabase(raw, valueTypes[index]);
    }

    /**
     * The object a foreign key column refers to.
     *
     * @param loader where objects come from
     * @param id the referenced key, or null
     * @param index the column index
     * @return the referenced object, or null
     */
    protected final Object reference(EntityLoader loader, Object id, int index) {
        return id == null ? null : loader.reference(properties[index].target(), id);
    }

    /**
     * Writes a column's property through its property model: for fields the generated class cannot
     * reach, and for properties with their own conversion.
     *
     * @param entity the object
     * @param value the value, or null
     * @param index the column index
     */
    protected final void set(Object entity, Object value, int index) {
        properties[index].set(entity, value);
    }

    /**
     * Sets a lazy property the generated class cannot reach to not loaded.
     *
     * @param entity the object
     * @param index the index among the entity's lazy properties
     */
    protected final void unloadLazy(Object entity, int index) {
        lazies[index].set(entity, Lazy.notLoaded());
    }
}
