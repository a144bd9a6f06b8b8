package io.nextorm.internal.mapping;

import io.nextorm.MappingException;
import io.nextorm.annotation.Column;
import io.nextorm.annotation.Embeddable;
import io.nextorm.annotation.Entity;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Reads a {@code @PrimaryKey} field of an {@link Embeddable} record type into one key property per
 * record component, named {@code <field>.<component>}: reading one reads the component of the field's
 * record; writing one rebuilds the record with that component replaced, so a row fills the key one
 * column at a time.
 */
final class EmbeddedKeyReader {

    private EmbeddedKeyReader() {
    }

    static boolean isEmbeddable(Class<?> type) {
        return type.isAnnotationPresent(Embeddable.class);
    }

    static List<PropertyModel> read(Class<?> entity, Field field, MethodHandles.Lookup lookup) {
        String where = entity.getSimpleName() + "." + field.getName();
        Class<?> record = field.getType();
        if (!record.isRecord()) {
            throw new MappingException(where + " is of the @Embeddable type " + record.getSimpleName()
                    + ", which is no record: declare it as a record whose components are the key columns");
        }
        if (!field.isAnnotationPresent(io.nextorm.annotation.PrimaryKey.class)) {
            throw new MappingException(where + ": an @Embeddable record is only supported as the primary key; "
                    + "annotate the field @PrimaryKey or map its components as fields of " + entity.getSimpleName());
        }
        RecordComponent[] components = record.getRecordComponents();
        Constructor<?> constructor;
        MethodHandle getter;
        MethodHandle setter;
        try {
            constructor = record.getDeclaredConstructor(java.util.Arrays.stream(components)
                    .map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            getter = lookup.unreflectGetter(field).asType(MethodType.methodType(Object.class, Object.class));
            setter = lookup.unreflectSetter(field).asType(MethodType.methodType(void.class, Object.class, Object.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MappingException("Cannot access " + where + " or the canonical constructor of "
                    + record.getName() + ": open its package to nextorm", e);
        }
        List<PropertyModel> parts = new ArrayList<>(components.length);
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            Class<?> type = component.getType();
            String at = where + " (" + record.getSimpleName() + "." + component.getName() + ")";
            if (type.isRecord() || type.isAnnotationPresent(Embeddable.class)) {
                throw new MappingException(at + " is a nested record; an @Embeddable key holds plain columns only: "
                        + "flatten its components into " + record.getSimpleName());
            }
            if (type.isAnnotationPresent(Entity.class)) {
                throw new MappingException(at + " is a reference to an entity; an @Embeddable key holds plain columns "
                        + "only: use several @PrimaryKey fields on " + entity.getSimpleName() + " instead (a reference "
                        + "may be one of them)");
            }
            if (!SupportedTypes.isColumnType(EntityReader.box(type))) {
                throw new MappingException(at + " has the unsupported type " + type.getName() + ": "
                        + SupportedTypes.describe());
            }
            Column column = componentColumn(record, component);
            String columnName = column != null && !column.name().isEmpty() ? column.name()
                    : Naming.snakeCase(component.getName());
            int index = i;
            MethodHandle accessor;
            try {
                component.getAccessor().setAccessible(true);
                accessor = MethodHandles.lookup().unreflect(component.getAccessor())
                        .asType(MethodType.methodType(Object.class, Object.class));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new MappingException("Cannot read " + at + ": open its package to nextorm", e);
            }
            Function<Object, Object> read = owner -> {
                Object key = invoke(getter, owner);
                return key == null ? null : invoke(accessor, key);
            };
            BiConsumer<Object, Object> write = (owner, value) -> {
                Object key = invoke(getter, owner);
                Object[] values = new Object[components.length];
                for (int c = 0; c < components.length; c++) {
                    values[c] = c == index ? value : key != null ? componentValue(components[c], key)
                            : defaultOf(components[c].getType());
                }
                if (values[index] == null && type.isPrimitive()) {
                    values[index] = defaultOf(type);
                }
                try {
                    setter.invokeExact(owner, (Object) constructor.newInstance(values));
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException("Cannot build the key " + record.getSimpleName() + " of " + where, e);
                }
            };
            int length = column != null ? column.length() : 0;
            parts.add(new PropertyModel(field, field.getName() + "." + component.getName(), type, PropertyKind.ID,
                    EntityReader.box(type), columnName, false, false, length, column != null ? column.precision() : 19,
                    column != null ? column.scale() : 2, false, null, handle(read), handle(write)));
        }
        return parts;
    }

    private static Column componentColumn(Class<?> record, RecordComponent component) {
        try {
            return record.getDeclaredField(component.getName()).getAnnotation(Column.class);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static Object componentValue(RecordComponent component, Object key) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(key);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component, e);
        }
    }

    private static Object defaultOf(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        return java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(type, 1), 0);
    }

    private static Object invoke(MethodHandle handle, Object argument) {
        try {
            return handle.invokeExact(argument);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodHandle handle(Function<Object, Object> read) {
        try {
            return MethodHandles.publicLookup().findVirtual(Function.class, "apply",
                    MethodType.methodType(Object.class, Object.class)).bindTo(read);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodHandle handle(BiConsumer<Object, Object> write) {
        try {
            return MethodHandles.publicLookup().findVirtual(BiConsumer.class, "accept",
                    MethodType.methodType(void.class, Object.class, Object.class)).bindTo(write);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
