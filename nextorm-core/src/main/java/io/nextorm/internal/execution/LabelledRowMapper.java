package io.nextorm.internal.execution;

import io.nextorm.Lazy;
import io.nextorm.MappingException;
import io.nextorm.dialect.Dialect;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.KeyModel;
import io.nextorm.internal.mapping.PropertyKind;
import io.nextorm.internal.mapping.PropertyModel;
import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.RowMetadata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps rows of hand-written SQL to objects of an entity by column label, without regard to case: a
 * label names a property by its column ({@code author_id}) or by its name ({@code author}). Columns
 * that name no property are ignored; properties without a column keep the value a new object has
 * (null, 0, false), except lazy fields, which become {@link Lazy#notLoaded()} so that they can be
 * loaded later. A lazy field whose column is in the result is loaded with it. The key column is
 * required: it is how rows become objects (and, in a session, the same object for the same row).
 * One mapper serves one query: the label plan is made once per result.
 *
 * @param <T> the entity type
 */
public final class LabelledRowMapper<T> {

    private final EntityModel<T> model;
    private final Dialect dialect;
    private final Map<String, PropertyModel> byLabel = new HashMap<>();
    private final EntityLoader.RowFill<T> filler = (entity, row, references, id) -> fill(entity, row, references);
    private RowMetadata plannedFor;
    private PropertyModel[] plan;
    private Class<?>[] valueTypes;
    /** Per result column, the class to read it as: its own type where the dialect reads column types and it matches. */
    private Class<?>[] readTypes;
    /** Per result column of a reference to a composite-keyed entity: which of its columns it is. */
    private int[] parts;
    /** Per key part, the result column of each of its columns (several for a reference to a composite key). */
    private int[][] keyIndexes;

    /**
     * Prepares a mapper.
     *
     * @param model the entity
     * @param dialect the dialect whose conversions apply
     */
    public LabelledRowMapper(EntityModel<T> model, Dialect dialect) {
        this.model = model;
        this.dialect = dialect;
        for (PropertyModel property : model.properties()) {
            if (property.kind().hasColumn() && !property.wide()) {
                byLabel.put(property.name().toLowerCase(Locale.ROOT), property);
            }
        }
        for (PropertyModel property : model.properties()) {
            for (String column : property.kind().hasColumn() ? property.columns() : List.<String>of()) {
                byLabel.putIfAbsent(column.toLowerCase(Locale.ROOT), property);
            }
        }
    }

    /**
     * Maps one row.
     *
     * @param row the row
     * @param metadata the row's metadata, for the labels
     * @param loader where objects come from
     * @return the object
     * @throws MappingException when the result has no column for the key, or a NULL key
     */
    public T map(Readable row, RowMetadata metadata, EntityLoader loader) {
        if (metadata != plannedFor) {
            plan(metadata);
        }
        List<Object> keyValues = new ArrayList<>(keyIndexes.length);
        List<PropertyModel> keyParts = model.key().parts();
        for (int k = 0; k < keyIndexes.length; k++) {
            List<Object> values = new ArrayList<>(keyIndexes[k].length);
            for (int index : keyIndexes[k]) {
                values.add(read(row, index));
            }
            keyValues.add(keyParts.get(k).wide() ? keyParts.get(k).target().key().keyOf(values) : values.get(0));
        }
        Object id = model.key().keyOf(keyValues);
        if (id == null) {
            throw new MappingException("A row of the raw query has NULL in the key column "
                    + String.join(", ", model.key().columns()) + ", so it is no " + model.name());
        }
        return loader.load(model, id, row, filler, loader);
    }

    private void plan(RowMetadata metadata) {
        List<? extends ColumnMetadata> columns = metadata.getColumnMetadatas();
        plan = new PropertyModel[columns.size()];
        valueTypes = new Class<?>[columns.size()];
        readTypes = new Class<?>[columns.size()];
        parts = new int[columns.size()];
        List<PropertyModel> keyParts = model.key().parts();
        keyIndexes = new int[keyParts.size()][];
        for (int k = 0; k < keyIndexes.length; k++) {
            keyIndexes[k] = new int[keyParts.get(k).columns().size()];
            Arrays.fill(keyIndexes[k], -1);
        }
        for (int i = 0; i < columns.size(); i++) {
            PropertyModel property = byLabel.get(columns.get(i).getName().toLowerCase(Locale.ROOT));
            if (property == null) {
                continue;
            }
            plan[i] = property;
            if (property.wide()) {
                int part = property.columns().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList()
                        .indexOf(columns.get(i).getName().toLowerCase(Locale.ROOT));
                parts[i] = part;
                valueTypes[i] = property.columnTypes().get(part);
            } else {
                valueTypes[i] = property.kind() == PropertyKind.REFERENCE ? KeyModel.columnType(property)
                        : property.columnType();
            }
            Class<?> own = dialect.databaseType(valueTypes[i]);
            readTypes[i] = dialect.readsColumnTypes() && columns.get(i).getJavaType() == own ? own
                    : dialect.readType(valueTypes[i]);
            int keyPart = keyParts.indexOf(property);
            if (keyPart >= 0) {
                keyIndexes[keyPart][parts[i]] = i;
            }
        }
        if (Arrays.stream(keyIndexes).flatMapToInt(Arrays::stream).anyMatch(index -> index < 0)) {
            throw new MappingException("The raw query's result has no column for the key of " + model.name()
                    + " (" + String.join(", ", model.key().columns()) + "), so its rows cannot become objects; select it. Its columns were "
                    + columns.stream().map(ColumnMetadata::getName).toList());
        }
        plannedFor = metadata;
    }

    private void fill(T entity, Readable row, EntityLoader loader) {
        for (PropertyModel lazy : model.lazies()) {
            lazy.set(entity, Lazy.notLoaded());
        }
        for (PropertyModel set : model.sets()) {
            set.set(entity, new UnloadedSet<>(set));
        }
        Map<PropertyModel, Object[]> wide = null;
        for (int i = 0; i < plan.length; i++) {
            PropertyModel property = plan[i];
            if (property == null) {
                continue;
            }
            Object value = read(row, i);
            if (property.wide()) {
                if (wide == null) {
                    wide = new HashMap<>();
                }
                wide.computeIfAbsent(property, p -> new Object[p.columns().size()])[parts[i]] = value;
                continue;
            }
            if (property.kind() != PropertyKind.REFERENCE) {
                value = property.fromColumn(value);
            }
            if (property.kind() == PropertyKind.REFERENCE && value != null) {
                value = loader.reference(property.target(), value);
            } else if (property.kind() == PropertyKind.LAZY) {
                value = Lazy.of(value);
            }
            property.set(entity, value);
        }
        if (wide != null) {
            // a reference to a composite-keyed entity: all of its columns, or it stays unset
            wide.forEach((property, values) -> {
                Object key = property.target().key().keyOf(Arrays.asList(values));
                property.set(entity, key == null ? null : loader.reference(property.target(), key));
            });
        }
    }

    private Object read(Readable row, int index) {
        Object raw = row.get(index, readTypes[index]);
        return raw == null ? null : dialect.fromDatabase(raw, valueTypes[index]);
    }
}
