package io.nextorm.internal.mapping;

import io.nextorm.MappingException;
import io.nextorm.NextOrmException;
import io.nextorm.annotation.Convert;
import io.nextorm.spi.AttributeConverter;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

/**
 * A {@link Convert} field's {@link AttributeConverter}, made once per field when the mapping is built; one that
 * throws is reported with the field's name.
 */
final class UserConverter implements ValueConverter {

    private final AttributeConverter<Object, Object> converter;
    private final Class<?> databaseType;
    private final String where;

    private UserConverter(AttributeConverter<Object, Object> converter, Class<?> databaseType, String where) {
        this.converter = converter;
        this.databaseType = databaseType;
        this.where = where;
    }

    @SuppressWarnings("unchecked")
    static UserConverter of(Convert convert, String where) {
        Class<?> type = convert.value();
        String name = type.getName();
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new MappingException(where + ": the converter " + name + " is abstract; name a concrete class "
                    + "implementing AttributeConverter in @Convert");
        }
        AttributeConverter<Object, Object> converter;
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            if (!Modifier.isPublic(constructor.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
                constructor.setAccessible(true);
            }
            converter = (AttributeConverter<Object, Object>) constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new MappingException(where + ": the converter " + name + " needs a public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new MappingException(where + ": the constructor of the converter " + name + " threw "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MappingException(where + ": cannot make the converter " + name + " (" + e
                    + "); give it a public no-argument constructor", e);
        }
        Class<?> databaseType;
        try {
            databaseType = EntityReader.box(converter.databaseType());
        } catch (RuntimeException e) {
            throw new MappingException(where + ": " + e.getMessage(), e);
        }
        if (!SupportedTypes.isColumnType(databaseType)) {
            throw new MappingException(where + ": the converter " + name + " converts to " + databaseType.getName()
                    + ", which is no column type; " + SupportedTypes.describe() + " (arrays aside)");
        }
        return new UserConverter(converter, databaseType, where);
    }

    @Override
    public Class<?> columnType() {
        return databaseType;
    }

    @Override
    public Object toColumn(Object value) {
        Object converted;
        try {
            converted = converter.toDatabase(value);
        } catch (RuntimeException e) {
            throw new NextOrmException(where + ": the converter " + converter.getClass().getName()
                    + " failed to convert " + value + " for the database: " + e, e);
        }
        if (converted != null && !databaseType.isInstance(converted)) {
            throw new NextOrmException(where + ": the converter " + converter.getClass().getName() + " returned a "
                    + converted.getClass().getName() + " where its database type is " + databaseType.getName());
        }
        return converted;
    }

    @Override
    public Object toProperty(Object value) {
        try {
            return converter.toEntity(value);
        } catch (RuntimeException e) {
            throw new NextOrmException(where + ": the converter " + converter.getClass().getName()
                    + " failed to convert the column value " + value + ": " + e, e);
        }
    }
}
