package io.nextorm;

import io.nextorm.query.Expression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One row of a projection ({@code db.select(Student_.name, Student_.gpa)}): its values in the order
 * of the select list, read by position or by the attribute or expression that selected them.
 *
 * <pre>{@code
 * db.select(Student_.name, Student_.gpa).fetchAll()
 *   .map(rows -> rows.get(0).get(Student_.name) + " " + rows.get(0).get(1, Double.class));
 * }</pre>
 *
 * A reference ({@code Student_.group}) reads as the referenced entity's key.
 */
public final class Tuple {

    private final List<Expression> selected;
    private final List<Object> values;

    Tuple(List<Expression> selected, List<Object> values) {
        this.selected = selected;
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /**
     * The number of values.
     *
     * @return the size of the select list
     */
    public int size() {
        return values.size();
    }

    /**
     * The value at a position.
     *
     * @param index 0-based
     * @return the value, null for SQL NULL
     * @throws IndexOutOfBoundsException for a position outside the select list
     */
    public Object get(int index) {
        return values.get(index);
    }

    /**
     * The value at a position, as a type.
     *
     * @param index 0-based
     * @param type the expected type
     * @param <X> the type
     * @return the value, null for SQL NULL
     * @throws ClassCastException when the value has another type, naming both
     */
    public <X> X get(int index, Class<X> type) {
        Object value = values.get(index);
        if (value != null && !type.isInstance(value)) {
            throw new ClassCastException("Value " + index + " of the tuple is a " + value.getClass().getName()
                    + ", not a " + type.getName());
        }
        return type.cast(value);
    }

    /**
     * The value selected by an attribute or expression.
     *
     * @param column what was selected
     * @param <V> its value type
     * @return the value, null for SQL NULL
     * @throws IllegalArgumentException when the projection did not select it
     */
    @SuppressWarnings("unchecked")
    public <V> V get(Selectable<V> column) {
        int index = column == null ? -1 : selected.indexOf(column.expression());
        if (index < 0) {
            throw new IllegalArgumentException(column + " is not in this tuple's select list " + selected);
        }
        return (V) values.get(index);
    }

    /**
     * The values in order.
     *
     * @return an unmodifiable list
     */
    public List<Object> toList() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tuple that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values);
    }

    @Override
    public String toString() {
        return "Tuple" + values;
    }
}
