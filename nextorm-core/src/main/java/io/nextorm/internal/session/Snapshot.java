package io.nextorm.internal.session;

import io.nextorm.Lazy;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.PropertyKind;
import io.nextorm.internal.mapping.PropertyModel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The column values of an object as its session last read or wrote them, in the order of the
 * entity's tracked columns (every column but the key: plain, version, reference, lazy). A reference
 * is kept as the referenced key, so that pointing it to another object is a change; a lazy column
 * that was never loaded is {@link #NOT_LOADED}.
 */
final class Snapshot {

    /** The value of a lazy column that was not loaded. */
    static final Object NOT_LOADED = new Object() {
        @Override
        public String toString() {
            return "<not loaded>";
        }
    };

    private Snapshot() {
    }

    /**
     * Takes the snapshot of an object.
     *
     * @param columns the tracked columns
     * @param entity the object
     * @return the values
     */
    static Object[] take(List<PropertyModel> columns, Object entity) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = valueOf(columns.get(i), entity);
        }
        return values;
    }

    /**
     * The comparable value of one column of an object.
     *
     * @param column the column
     * @param entity the object
     * @return the value (converted for the column where the property has a converter); a referenced
     *         object without a key yet is a {@link NewReference}
     */
    static Object valueOf(PropertyModel column, Object entity) {
        Object value = column.get(entity);
        if (value == null) {
            return null;
        }
        if (column.kind() == PropertyKind.REFERENCE) {
            EntityModel<?> target = column.target();
            return target.hasNoId(value) ? new NewReference(value) : target.idOf(value);
        }
        if (column.kind() == PropertyKind.LAZY) {
            Lazy<?> lazy = (Lazy<?>) value;
            return lazy.isLoaded() ? lazy.get() : NOT_LOADED;
        }
        // a converted column is compared in its column form: a JSON document or a list changed in place is seen
        return column.toColumn(value);
    }

    /**
     * The columns whose value differs from the snapshot: never the version (the session manages
     * it), never a lazy column that is not loaded now.
     *
     * @param columns the tracked columns
     * @param snapshot the snapshot
     * @param entity the object
     * @return the changed columns' indexes, empty when unchanged
     */
    static List<Integer> changed(List<PropertyModel> columns, Object[] snapshot, Object entity) {
        List<Integer> changed = null;
        for (int i = 0; i < snapshot.length; i++) {
            if (differs(columns.get(i), snapshot[i], entity)) {
                if (changed == null) {
                    changed = new ArrayList<>(4);
                }
                changed.add(i);
            }
        }
        return changed == null ? List.of() : changed;
    }

    /**
     * Whether any tracked column of an object differs from its snapshot: {@link #changed} without
     * the list, stopping at the first change.
     *
     * @param columns the tracked columns
     * @param snapshot the values read
     * @param entity the object
     * @return true when a column changed
     */
    static boolean anyChanged(List<PropertyModel> columns, Object[] snapshot, Object entity) {
        for (int i = 0; i < snapshot.length; i++) {
            if (differs(columns.get(i), snapshot[i], entity)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a column's value now differs from the one read: never the version, never a lazy column not loaded now. */
    private static boolean differs(PropertyModel column, Object read, Object entity) {
        if (column.kind() == PropertyKind.VERSION) {
            return false;
        }
        Object now = valueOf(column, entity);
        return now != NOT_LOADED && !same(now, read);
    }

    /**
     * The change of a loaded object since its snapshot: the columns that differ, the values read of
     * those that an UPDATE may check, and the version read; null when nothing changed.
     *
     * @param tracked the entity's tracked columns
     * @param entry the object's entry, with its snapshot
     * @return the change, or null
     */
    static EntityPersister.Change change(List<PropertyModel> tracked, Entry entry) {
        List<Integer> changed = changed(tracked, entry.snapshot, entry.entity);
        if (changed.isEmpty()) {
            return null;
        }
        List<PropertyModel> columns = new ArrayList<>(changed.size());
        List<PropertyModel> checked = new ArrayList<>();
        List<Object> read = new ArrayList<>();
        for (int index : changed) {
            PropertyModel column = tracked.get(index);
            columns.add(column);
            // a required column read as null was left to the database at INSERT: its value is not known
            if (checkable(column) && !EntityPersister.leftToDatabase(column, entry.snapshot[index])) {
                checked.add(column);
                read.add(entry.snapshot[index]);
            }
        }
        PropertyModel version = entry.model.version();
        Object readVersion = version == null ? null : entry.snapshot[tracked.indexOf(version)];
        return new EntityPersister.Change(entry.entity, columns, checked, read, readVersion, true);
    }

    /**
     * Whether an UPDATE may check the value read of a column: not for floating point (a value read
     * back may differ in its last bits), binary or lazy (large) columns.
     *
     * @param column the column
     * @return true when {@code column = <value read>} is a sound check
     */
    static boolean checkable(PropertyModel column) {
        if (column.kind() == PropertyKind.REFERENCE) {
            return true;
        }
        if (column.kind() != PropertyKind.BASIC) {
            return false;
        }
        if (column.converter() != null && column.converter().columnType() == io.nextorm.mapping.JsonDocument.class) {
            return false;
        }
        Class<?> type = column.columnType();
        return type != Double.class && type != Float.class && type != byte[].class && type != String[].class
                && type != java.util.List.class;
    }

    /**
     * Equality of column values: arrays by content, decimals by value.
     *
     * @param a one value
     * @param b another value
     * @return true when equal
     */
    static boolean same(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || a instanceof NewReference || b instanceof NewReference) {
            return false;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof Object[] x && b instanceof Object[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return a.equals(b);
    }

    /**
     * A reference to an object that has no key yet: different from every snapshot value.
     *
     * @param target the referenced object
     */
    record NewReference(Object target) {
        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
