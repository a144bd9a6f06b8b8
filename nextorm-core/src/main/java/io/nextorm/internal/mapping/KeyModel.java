package io.nextorm.internal.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The primary key of an entity: one {@code @PrimaryKey} field, or several (key order = field order),
 * each a plain column or a reference (to a composite-keyed entity, one with plain key parts: several
 * columns). A single key's value is the field's value; a composite key's value is a {@link CompositeKey}
 * of its parts' values, a reference part's being the referenced key (itself a {@code CompositeKey} for a
 * composite-keyed target).
 */
public final class KeyModel {

    private final String entity;
    private final List<PropertyModel> parts;
    /** The key columns, made at first use: a part that refers to a composite-keyed entity has its columns only then. */
    private volatile List<String> columns;

    KeyModel(String entity, List<PropertyModel> parts) {
        this.entity = entity;
        this.parts = List.copyOf(parts);
    }

    /**
     * The key fields, in key order.
     *
     * @return the key properties
     */
    public List<PropertyModel> parts() {
        return parts;
    }

    /**
     * The key columns, in key order.
     *
     * @return the column names
     */
    public List<String> columns() {
        List<String> known = columns;
        if (known == null) {
            known = parts.stream().flatMap(part -> part.columns().stream()).toList();
            if (parts.stream().noneMatch(part -> part.columns().isEmpty())) {
                columns = known;
            }
        }
        return known;
    }

    /**
     * Reads a key from columns in key order (a part that refers to a composite-keyed entity from its
     * columns, as that entity's key).
     *
     * @param reader reads the value of a column index as a Java type
     * @param first the index of the first key column
     * @return the key, or null when a column is NULL
     */
    public Object read(java.util.function.BiFunction<Integer, Class<?>, Object> reader, int first) {
        List<Object> values = new ArrayList<>(parts.size());
        int at = first;
        for (PropertyModel part : parts) {
            if (part.wide()) {
                values.add(part.target().key().read(reader, at));
                at += part.columns().size();
            } else {
                values.add(reader.apply(at++, columnType(part)));
            }
        }
        return keyOf(values);
    }

    /**
     * Whether the key has several fields.
     *
     * @return true for a composite key
     */
    public boolean composite() {
        return parts.size() > 1;
    }

    /**
     * The key of an object: the field's value, or a {@link CompositeKey}; null when unset.
     *
     * @param object the entity object
     * @return the key
     */
    public Object valueOf(Object object) {
        if (!composite()) {
            return parts.get(0).get(object);
        }
        List<Object> values = new ArrayList<>(parts.size());
        for (PropertyModel part : parts) {
            Object value = columnValue(part, part.get(object));
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return new CompositeKey(values);
    }

    /**
     * Whether an object has no key yet: null, 0 for a primitive generated key, or any part of a
     * composite key null (a reference part: null or unsaved).
     *
     * @param object the entity object
     * @return true when the key is unset
     */
    public boolean isUnset(Object object) {
        if (!composite()) {
            PropertyModel id = parts.get(0);
            Object key = id.get(object);
            return key == null || (id.fieldType().isPrimitive() && ((Number) key).longValue() == 0);
        }
        return missingPart(object) != null;
    }

    /**
     * The first key field of an object that is not set, or null when the key is complete.
     *
     * @param object the entity object
     * @return the missing part or null
     */
    public PropertyModel missingPart(Object object) {
        for (PropertyModel part : parts) {
            if (columnValue(part, part.get(object)) == null) {
                return part;
            }
        }
        return null;
    }

    /**
     * Sets a key on an object (a stub known only by its key): the key field, or each part of a
     * composite key, a reference part as the object that {@code referenceOf} gives for its key.
     *
     * @param object the entity object
     * @param key a single key or a {@link CompositeKey}
     * @param referenceOf the object of a referenced entity's key (a stub, or the one already known)
     */
    public void assign(Object object, Object key, java.util.function.BiFunction<EntityModel<?>, Object, Object> referenceOf) {
        if (!composite()) {
            parts.get(0).set(object, key);
            return;
        }
        List<Object> values = ((CompositeKey) key).values();
        for (int i = 0; i < parts.size(); i++) {
            PropertyModel part = parts.get(i);
            Object value = values.get(i);
            part.set(object, part.kind() == PropertyKind.REFERENCE ? referenceOf.apply(part.target(), value) : value);
        }
    }

    /**
     * The column values of a key, in key order.
     *
     * @param key a single key or a {@link CompositeKey}
     * @return the values
     */
    public List<Object> columnValues(Object key) {
        if (key instanceof CompositeKey compositeKey) {
            if (!nested(compositeKey)) {
                return compositeKey.values();
            }
            // a part that refers to a composite-keyed entity holds that entity's key: one value per column
            List<Object> flat = new ArrayList<>();
            for (Object value : compositeKey.values()) {
                flat.addAll(value instanceof CompositeKey nested ? nested.values() : List.of(value));
            }
            return flat;
        }
        List<Object> values = new ArrayList<>(1);
        values.add(key);
        return values;
    }

    private static boolean nested(CompositeKey key) {
        for (Object value : key.values()) {
            if (value instanceof CompositeKey) {
                return true;
            }
        }
        return false;
    }

    /**
     * The values of a key's parts, in key order: for a part that refers to a composite-keyed entity,
     * that entity's key.
     *
     * @param key a single key or a {@link CompositeKey}
     * @return one value per key field
     */
    public List<Object> partValues(Object key) {
        return key instanceof CompositeKey compositeKey ? compositeKey.values() : java.util.Collections.singletonList(key);
    }

    /**
     * The column values of some keys, one key after the other.
     *
     * @param keys single keys or {@link CompositeKey}s
     * @return the values
     */
    public List<Object> columnValuesOfAll(List<Object> keys) {
        if (!composite()) {
            return keys;
        }
        List<Object> values = new ArrayList<>(keys.size() * parts.size());
        for (Object key : keys) {
            values.addAll(columnValues(key));
        }
        return values;
    }

    /**
     * The key of column values read from a row, in key order.
     *
     * @param values the values
     * @return a single key, a {@link CompositeKey}, or null when a value is null
     */
    public Object keyOf(List<Object> values) {
        if (!composite()) {
            return values.get(0);
        }
        return values.contains(null) ? null : new CompositeKey(values);
    }

    /**
     * A key given by the application ({@code getByKey}) as the identity map holds it: for a composite
     * key a {@code List} (or array) of the part values in key order, a reference part given as the
     * object or as its key; an already built {@link CompositeKey} passes.
     *
     * @param given the key given
     * @return the key
     * @throws IllegalArgumentException naming the key fields when the shape is wrong
     */
    public Object fromGiven(Object given) {
        if (given instanceof Record record && embeddedField() != null) {
            given = recordValues(record);
        }
        if (!composite() || given instanceof CompositeKey) {
            return composite() || !(given instanceof List<?> one) || one.size() != 1 ? given : one.get(0);
        }
        List<?> list = given instanceof Collection<?> collection ? new ArrayList<>(collection)
                : given instanceof Object[] array ? java.util.Arrays.asList(array) : null;
        if (list == null || list.size() != parts.size()) {
            throw new IllegalArgumentException(entity + " has the composite key " + names() + ": give its "
                    + parts.size() + " values in that order as a List, as in List.of(" + String.join(", ", names())
                    + "), not " + given);
        }
        List<Object> values = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            PropertyModel part = parts.get(i);
            Object value = list.get(i);
            if (part.kind() == PropertyKind.REFERENCE && part.valueType().isInstance(value)) {
                value = columnValue(part, value);
            } else if (part.wide() && value != null) {
                value = part.target().key().fromGiven(value);
            }
            if (value == null) {
                throw new IllegalArgumentException("The key of " + entity + " misses " + part.name()
                        + ": every part of " + names() + " must be given");
            }
            values.add(normalized(part, value));
        }
        return new CompositeKey(values);
    }

    /**
     * The Java type of a key column's value: the field's, or the referenced key's for a reference.
     *
     * @param part a key field
     * @return the type
     */
    public static Class<?> columnType(PropertyModel part) {
        return part.kind() == PropertyKind.REFERENCE ? part.target().id().valueType() : part.valueType();
    }

    /**
     * The field that holds an {@code @Embeddable} key record, or null when the key is plain fields.
     *
     * @return the field name or null
     */
    public String embeddedField() {
        String first = parts.get(0).name();
        int dot = first.indexOf('.');
        return dot < 0 ? null : first.substring(0, dot);
    }

    /**
     * The component values of an {@code @Embeddable} key record, in component order.
     *
     * @param record the record
     * @return the values
     */
    public static List<Object> recordValues(Record record) {
        java.lang.reflect.RecordComponent[] components = record.getClass().getRecordComponents();
        List<Object> values = new ArrayList<>(components.length);
        for (java.lang.reflect.RecordComponent component : components) {
            try {
                component.getAccessor().setAccessible(true);
                values.add(component.getAccessor().invoke(record));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + component, e);
            }
        }
        return values;
    }

    /**
     * The key field names, in key order.
     *
     * @return the names
     */
    public List<String> names() {
        return parts.stream().map(PropertyModel::name).toList();
    }

    private static Object columnValue(PropertyModel part, Object value) {
        if (value == null || part.kind() != PropertyKind.REFERENCE) {
            return value;
        }
        return part.target().key().isUnset(value) ? null : part.target().idOf(value);
    }

    private static Object normalized(PropertyModel part, Object value) {
        if (part.wide()) {
            return value;
        }
        Class<?> type = columnType(part);
        if (value instanceof Number number && !type.isInstance(value)) {
            if (type == Long.class && (value instanceof Integer || value instanceof Short || value instanceof Byte)) {
                return number.longValue();
            }
            if (type == Integer.class && (value instanceof Short || value instanceof Byte)) {
                return number.intValue();
            }
        }
        return value;
    }
}
