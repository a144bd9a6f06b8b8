package io.nextorm.internal.execution;

import io.nextorm.Lazy;
import io.nextorm.dialect.Dialect;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.PropertyKind;
import io.nextorm.internal.mapping.PropertyModel;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maps rows of an entity's eager columns (in {@link EntityModel#eagerColumns()} order) to objects,
 * by column index, with the conversions decided once per entity.
 *
 * @param <T> the entity type
 */
public final class EntityRowMapper<T> implements EntityLoader.RowFill<T> {

    private final EntityModel<T> model;
    private final Dialect dialect;
    private final List<PropertyModel> columns;
    private final PropertyModel[] properties;
    private final boolean[] references;
    /** Per property: the index of its (first) column in the row; a wide reference has several. */
    private final int[] firstColumn;
    /** Per row column: the property to convert its value with (@Convert, @Json), or null. */
    private final PropertyModel[] converted;
    private final Class<?>[] valueTypes;
    private final int idIndex;
    private final PropertyModel[] sets;
    private final PropertyModel[] lazies;
    /** Reads as the dialect's {@link Dialect#readType}, which accept any column type. */
    private final ColumnReads fallback;
    /** Reads of each column as its own type, for results whose columns are of exactly those; or null. */
    private final ColumnReads exact;
    /** The reads chosen for the last result seen (racy, and each value immutable: a race rechecks a result). */
    private ColumnReads last;
    private final int[] keyIndexes;

    /**
     * Prepares the mapper of an entity.
     *
     * @param model the entity
     * @param dialect the dialect whose conversions apply
     */
    public EntityRowMapper(EntityModel<T> model, Dialect dialect) {
        this(model, dialect, ColumnFillerGenerator.enabled());
    }

    /**
     * Prepares the mapper of an entity, with or without a generated filler (for comparisons).
     *
     * @param model the entity
     * @param dialect the dialect whose conversions apply
     * @param generate whether to try generating the filler; false writes through method handles
     */
    public EntityRowMapper(EntityModel<T> model, Dialect dialect, boolean generate) {
        this.model = model;
        this.dialect = dialect;
        this.columns = model.eagerColumns();
        this.properties = columns.toArray(new PropertyModel[0]);
        this.references = new boolean[properties.length];
        this.firstColumn = new int[properties.length];
        int width = columns.stream().mapToInt(c -> c.columns().size()).sum();
        this.converted = new PropertyModel[width];
        Class<?>[] readTypes = new Class<?>[width];
        Class<?>[] exactTypes = new Class<?>[width];
        this.valueTypes = new Class<?>[width];
        boolean wide = false;
        int at = 0;
        for (int i = 0; i < properties.length; i++) {
            PropertyModel column = properties[i];
            references[i] = column.kind() == PropertyKind.REFERENCE;
            wide |= column.wide();
            firstColumn[i] = at;
            List<Class<?>> types = column.kind() == PropertyKind.REFERENCE ? column.columnTypes()
                    : List.of(column.columnType());
            for (Class<?> type : types) {
                valueTypes[at] = type;
                readTypes[at] = dialect.readType(type);
                exactTypes[at] = dialect.databaseType(type);
                converted[at] = column.kind() != PropertyKind.REFERENCE && column.converter() != null ? column : null;
                at++;
            }
        }
        List<PropertyModel> keyParts = model.key().parts();
        this.keyIndexes = new int[keyParts.size()];
        for (int k = 0; k < keyIndexes.length; k++) {
            keyIndexes[k] = firstColumn[columns.indexOf(keyParts.get(k))];
        }
        int id = keyParts.size() == 1 ? keyIndexes[0] : -1;
        this.idIndex = id;
        this.sets = model.sets().toArray(new PropertyModel[0]);
        this.lazies = model.lazies().toArray(new PropertyModel[0]);
        // a composite (or reference) key is read by readKey, a @Convert/@Json column by its converter, a
        // reference to a composite-keyed entity from several columns: those entities keep the method handles
        boolean anyConverted = false;
        for (PropertyModel c : converted) {
            anyConverted |= c != null;
        }
        boolean generable = generate && !anyConverted && !wide && id >= 0 && keyParts.get(0).kind() == PropertyKind.ID;
        GeneratedColumns filler = generable
                ? ColumnFillerGenerator.generate(model, dialect, properties, readTypes, valueTypes, id) : null;
        this.fallback = new ColumnReads(null, readTypes, filler);
        this.exact = dialect.readsColumnTypes() && !Arrays.equals(readTypes, exactTypes)
                ? exactReads(model, dialect, exactTypes, filler, id) : null;
    }

    private ColumnReads exactReads(EntityModel<T> model, Dialect dialect, Class<?>[] exactTypes,
                                   GeneratedColumns filler, int id) {
        if (filler == null) {
            return new ColumnReads(null, exactTypes, null);
        }
        GeneratedColumns exactFiller = ColumnFillerGenerator.generate(model, dialect, properties, exactTypes, valueTypes, id);
        return exactFiller != null ? new ColumnReads(null, exactTypes, exactFiller) : null;
    }

    /**
     * The reads for a row: where the dialect reads columns as their own types and the row's result
     * has, in each column, exactly its property's type, those; else the reads that accept any type.
     * A result's columns are checked once, on its first row.
     */
    private ColumnReads reads(Readable row) {
        if (exact == null || !(row instanceof Row r)) {
            return fallback;
        }
        RowMetadata metadata = r.getMetadata();
        ColumnReads seen = last;
        if (seen != null && seen.metadata() == metadata) {
            return seen;
        }
        ColumnReads chosen = (exact.fit(metadata, fallback) ? exact : fallback).forResult(metadata);
        last = chosen;
        return chosen;
    }

    /**
     * Whether rows are written by a generated class (else through the properties' method handles).
     *
     * @return true when the entity's filler was generated
     */
    public boolean isGenerated() {
        return fallback.filler() != null;
    }

    /**
     * Maps one row.
     *
     * @param row the row
     * @param loader where objects come from
     * @return the object
     */
    public T map(Readable row, EntityLoader loader) {
        Object id = readKey(row);
        return loader.load(model, id, row, this, loader);
    }

    /**
     * Fills a new object from a row: its eager columns, and its sets as not loaded.
     *
     * @param entity the object
     * @param row a row of the entity's eager columns
     * @param loader where referenced objects come from
     * @param id the row's key
     */
    @Override
    public void fill(T entity, Readable row, EntityLoader loader, Object id) {
        fillColumns(entity, row, loader, id);
        for (PropertyModel set : sets) {
            set.set(entity, new UnloadedSet<>(set));
        }
    }

    /**
     * Sets an existing object's eager columns from a row (references through the loader) and its
     * lazy fields back to not loaded; its sets stay as they are. A reload after a bulk UPDATE.
     *
     * @param entity the object
     * @param row a row of the entity's eager columns
     * @param loader where referenced objects come from
     */
    public void refill(T entity, Readable row, EntityLoader loader) {
        fillColumns(entity, row, loader, readKey(row));
    }

    /**
     * Reads the key of a row: the key column's value, or a composite key of the key columns' values.
     *
     * @param row a row of the entity's eager columns
     * @return the key
     */
    public Object readKey(Readable row) {
        if (idIndex >= 0) {
            return read(row, idIndex);
        }
        List<Object> values = new ArrayList<>(keyIndexes.length);
        List<PropertyModel> parts = model.key().parts();
        for (int k = 0; k < keyIndexes.length; k++) {
            // a part that refers to a composite-keyed entity: that entity's key, from its columns
            values.add(parts.get(k).wide() ? readWide(row, keyIndexes[k], parts.get(k)) : read(row, keyIndexes[k]));
        }
        return model.key().keyOf(values);
    }

    private void fillColumns(T entity, Readable row, EntityLoader loader, Object id) {
        GeneratedColumns generated = reads(row).filler();
        if (generated == null) {
            fillByProperties(entity, row, loader, id);
            return;
        }
        try {
            generated.fill(entity, row, loader, id);
        } catch (ClassCastException e) {
            // not a second pass through the handles with the row: the row would then escape (the JIT's
            // escape analysis is per method, not per path) and cost its allocation on every row
            throw new IllegalArgumentException("Cannot map a row of " + model.name() + ": a column's value is not"
                    + " of its property's type (" + e.getMessage() + ")", e);
        }
    }

    private void fillByProperties(T entity, Readable row, EntityLoader loader, Object id) {
        PropertyModel[] all = properties;
        for (int i = 0; i < all.length; i++) {
            int at = firstColumn[i];
            Object value = at == idIndex ? id : all[i].wide() ? readWide(row, at, all[i]) : read(row, at);
            if (references[i] && value != null) {
                value = loader.reference(all[i].target(), value);
            }
            all[i].set(entity, value);
        }
        for (PropertyModel lazy : lazies) {
            lazy.set(entity, Lazy.notLoaded());
        }
    }

    /** The key of a reference to a composite-keyed entity, from its columns; null when one is NULL. */
    private Object readWide(Readable row, int at, PropertyModel reference) {
        int width = reference.columns().size();
        List<Object> values = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            values.add(read(row, at + c));
        }
        return reference.target().key().keyOf(values);
    }

    /**
     * The index of the row column of a property's (first) column: the property's index in
     * {@link EntityModel#eagerColumns()}, shifted by the extra columns of references to
     * composite-keyed entities before it.
     *
     * @param property an eager column's property
     * @return the row index
     */
    public int columnIndexOf(PropertyModel property) {
        return firstColumn[columns.indexOf(property)];
    }

    /**
     * The number of columns of the mapped rows.
     *
     * @return the width of a row
     */
    public int width() {
        return valueTypes.length;
    }

    /**
     * Reads a property's value from a row at its columns: for a reference, the referenced key.
     *
     * @param row a row of the entity's eager columns
     * @param property an eager column's property
     * @return the value, or null
     */
    public Object readProperty(Readable row, PropertyModel property) {
        int at = columnIndexOf(property);
        return property.wide() ? readWide(row, at, property) : read(row, at);
    }

    /**
     * The index of the key column in the mapped rows; -1 for a composite key ({@link #readKey}).
     *
     * @return the key's column index
     */
    public int idIndex() {
        return idIndex;
    }

    /**
     * Reads and converts one column.
     *
     * @param row the row
     * @param index the column index
     * @return the value in the property's Java type, or null
     */
    public Object read(Readable row, int index) {
        Object raw = row.get(index, reads(row).readTypes()[index]);
        if (raw == null) {
            return null;
        }
        Object value = dialect.fromDatabase(raw, valueTypes[index]);
        // the property's own conversion (@Convert, @Json) after the dialect's: one call per converted column
        PropertyModel converter = converted[index];
        return converter != null ? converter.fromColumn(value) : value;
    }

    /**
     * Reads one value of a type from a row.
     *
     * @param dialect the dialect
     * @param row the row
     * @param index the column index
     * @param javaType the wanted Java type
     * @return the converted value, or null
     */
    public static Object readValue(Dialect dialect, Readable row, int index, Class<?> javaType) {
        Object raw = row.get(index, dialect.readType(javaType));
        return raw == null ? null : dialect.fromDatabase(raw, javaType);
    }
}
