package io.nextorm.internal.mapping;

import io.nextorm.MappingException;
import io.nextorm.annotation.Column;
import io.nextorm.annotation.JoinColumn;
import io.nextorm.annotation.Reverse;
import io.nextorm.annotation.Unique;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which side of a one-to-one holds the column. A reference is the owning side (a foreign-key
 * column) when it is unique ({@code @Column(unique = true)} or {@code @Unique}) or names its column
 * with {@code @JoinColumn}; a plain reference whose target has exactly one unique reference back to
 * this entity (or the one {@code @Reverse("field")} names) is the reverse side: no column, loaded from
 * the other table.
 */
final class OneToOneSides {

    private OneToOneSides() {
    }

    /**
     * The owning field in the target that a reference is the reverse of, or null when the reference
     * holds a column of its own.
     *
     * @param entity the entity declaring the reference
     * @param field the reference field
     * @return the name of the owning field in the target, or null
     * @throws MappingException for two unique references both ways, an ambiguous reverse, or a
     *                          {@code @Reverse} that names no unique reference back
     */
    static String reverseOf(Class<?> entity, Field field) {
        Class<?> target = field.getType();
        Reverse named = field.getAnnotation(Reverse.class);
        boolean owning = isUnique(field) || field.isAnnotationPresent(JoinColumn.class);
        List<Field> uniqueBack = new ArrayList<>();
        for (Field other : fieldsOf(target)) {
            if (other.getType() == entity && !other.equals(field) && isUnique(other)) {
                uniqueBack.add(other);
            }
        }
        String where = entity.getSimpleName() + "." + field.getName();
        if (named != null) {
            if (owning) {
                throw new MappingException(where + " carries @Reverse and holds a column (unique or @JoinColumn): "
                        + "@Reverse marks the side of a one-to-one without a column; remove one of them");
            }
            return uniqueBack.stream().filter(f -> f.getName().equals(named.value())).findFirst()
                    .map(Field::getName)
                    .orElseThrow(() -> new MappingException("@Reverse(\"" + named.value() + "\") on " + where
                            + " names no unique reference to " + entity.getSimpleName() + " in " + target.getName()
                            + "; the unique references back are " + uniqueBack.stream().map(Field::getName).toList()
                            + " (the owning side of a one-to-one carries @Column(unique = true))"));
        }
        if (owning) {
            if (isUnique(field) && target != entity && !uniqueBack.isEmpty()) {
                throw new MappingException(where + " and " + target.getSimpleName() + "." + uniqueBack.get(0).getName()
                        + " are unique references to each other (" + entity.getName() + " and " + target.getName()
                        + "): a one-to-one keeps its column on one side; remove @Column(unique = true) from the side "
                        + "without the column, which then becomes the reverse side, loaded from the other table");
            }
            return null;
        }
        if (uniqueBack.size() > 1) {
            throw new MappingException(where + " could be the reverse side of " + uniqueBack.size() + " unique references "
                    + "in " + target.getName() + " (" + uniqueBack.stream().map(Field::getName).toList() + ") to "
                    + entity.getName() + ": name one with @Reverse(\"field\") on " + where
                    + ", or give it a column of its own with @JoinColumn(name = \"...\")");
        }
        return uniqueBack.isEmpty() ? null : uniqueBack.get(0).getName();
    }

    private static boolean isUnique(Field field) {
        Column column = field.getAnnotation(Column.class);
        return (column != null && column.unique()) || field.isAnnotationPresent(Unique.class);
    }

    private static List<Field> fieldsOf(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }
}
