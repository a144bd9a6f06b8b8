package io.nextorm.internal.mapping;

import io.nextorm.mapping.Index;

import io.nextorm.EntityHooks;
import io.nextorm.Lazy;
import io.nextorm.MappingException;
import io.nextorm.annotation.Column;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.JoinColumn;
import io.nextorm.annotation.JoinTable;
import io.nextorm.annotation.PrimaryKey;
import io.nextorm.annotation.Reverse;
import io.nextorm.annotation.Unique;
import io.nextorm.annotation.Version;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads one entity class by reflection into an {@link EntityModel}: its persistent fields, key, version and indexes.
 */
final class EntityReader {

    private EntityReader() {
    }

    static <T> EntityModel<T> readEntity(Class<T> type) {
        Entity entity = type.getAnnotation(Entity.class);
        if (entity == null) {
            throw new MappingException(type.getName() + " is not annotated with @io.nextorm.annotation.Entity");
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || type.isEnum() || type.isRecord()) {
            throw new MappingException(type.getName() + " cannot be an entity: it must be a concrete class "
                    + "(not an interface, abstract class, enum or record)");
        }
        MethodHandles.Lookup lookup = lookupFor(type);
        MethodHandle constructor;
        try {
            constructor = lookup.findConstructor(type, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Object.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new MappingException(type.getName() + " needs a no-argument constructor to be an entity", e);
        }
        String table = entity.table().isEmpty() ? Naming.snakeCase(type.getSimpleName()) : entity.table();
        List<Field> fields = persistentFields(type);
        long ids = fields.stream().filter(f -> f.isAnnotationPresent(PrimaryKey.class)).count();
        if (ids == 0) {
            throw new MappingException(type.getName() + " has no primary key: annotate one field with @PrimaryKey "
                    + "(several for a composite key)");
        }
        List<PropertyModel> properties = new ArrayList<>();
        for (Field field : fields) {
            if (EmbeddedKeyReader.isEmbeddable(field.getType())) {
                if (ids > 1) {
                    throw new MappingException(type.getSimpleName() + "." + field.getName() + " is an @Embeddable key, "
                            + "but " + type.getSimpleName() + " has " + ids + " @PrimaryKey fields: keep either the "
                            + "@Embeddable record or several @PrimaryKey fields, not both");
                }
                properties.addAll(EmbeddedKeyReader.read(type, field, lookupFor(field.getDeclaringClass())));
            } else {
                properties.add(readProperty(type, field, lookupFor(field.getDeclaringClass()), ids > 1));
            }
        }
        if (properties.stream().filter(p -> p.kind() == PropertyKind.VERSION).count() > 1) {
            throw new MappingException(type.getName() + " has more than one @Version field; keep one");
        }
        List<Index> indexes = indexesOf(type, table, properties);
        return new EntityModel<>(type, table, constructor, properties, indexes, EntityHooks.class.isAssignableFrom(type));
    }

    private static MethodHandles.Lookup lookupFor(Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new MappingException("Cannot access the fields of " + type.getName()
                    + ": open its package to nextorm (module-info: opens <package>)", e);
        }
    }

    private static List<Field> persistentFields(Class<?> type) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> c : hierarchy) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static PropertyModel readProperty(Class<?> entity, Field field, MethodHandles.Lookup lookup,
                                              boolean compositeKey) {
        String where = entity.getSimpleName() + "." + field.getName();
        if (Modifier.isFinal(field.getModifiers())) {
            throw new MappingException(where + " is final; persistent fields must be writable (or mark it transient)");
        }
        Class<?> fieldType = field.getType();
        Column column = field.getAnnotation(Column.class);
        boolean primaryKey = field.isAnnotationPresent(PrimaryKey.class);
        boolean version = field.isAnnotationPresent(Version.class);
        boolean nullable = field.isAnnotationPresent(io.nextorm.annotation.Nullable.class) && !fieldType.isPrimitive();
        Unique uniqueOnField = field.getAnnotation(Unique.class);
        boolean unique = (column != null && column.unique()) || uniqueOnField != null;
        String columnName = column != null && !column.name().isEmpty() ? column.name() : null;
        int length = column != null ? column.length() : 0;
        int precision = column != null ? column.precision() : 19;
        int scale = column != null ? column.scale() : 2;
        String sqlDefault = column != null && !column.sqlDefault().isEmpty() ? column.sqlDefault() : null;

        PropertyKind kind;
        Class<?> valueType;
        String reverseOf = null;
        ValueConverter converter = converterOf(field, where, primaryKey || version);
        if (converter != null) {
            kind = PropertyKind.BASIC;
            valueType = box(fieldType);
        } else if (fieldType == Lazy.class) {
            kind = PropertyKind.LAZY;
            valueType = typeArgument(field, where);
            if (!isBasic(valueType)) {
                throw new MappingException(where + " is a Lazy<" + valueType.getSimpleName()
                        + ">; a lazy field holds a column value: " + supportedTypes());
            }
            if (length == 0) {
                length = -1;
            }
        } else if (fieldType == Set.class) {
            kind = PropertyKind.SET;
            valueType = typeArgument(field, where);
            if (!valueType.isAnnotationPresent(Entity.class)) {
                throw new MappingException(where + " is a Set<" + valueType.getSimpleName() + ">, but "
                        + valueType.getName() + " is no @Entity: a Set field is a relation to another entity");
            }
        } else if (fieldType == String[].class) {
            // an array column (PostgreSQL, H2): outside the supported-types table, which every dialect creates
            kind = PropertyKind.BASIC;
            valueType = String[].class;
        } else if (fieldType == List.class) {
            if (typeArgument(field, where) != String.class || primaryKey || version) {
                throw new MappingException(where + " is a " + field.getGenericType().getTypeName() + "; a List field is "
                        + "an array column and holds Strings: declare it List<String> (or String[])");
            }
            kind = PropertyKind.BASIC;
            valueType = List.class;
        } else if (fieldType.isAnnotationPresent(Entity.class)) {
            reverseOf = OneToOneSides.reverseOf(entity, field);
            kind = reverseOf == null ? PropertyKind.REFERENCE : PropertyKind.REVERSE_REFERENCE;
            valueType = fieldType;
        } else if (isBasic(box(fieldType))) {
            kind = primaryKey ? PropertyKind.ID : version ? PropertyKind.VERSION : PropertyKind.BASIC;
            valueType = box(fieldType);
        } else {
            throw new MappingException(where + " has the unsupported type " + field.getGenericType().getTypeName()
                    + ": " + supportedTypes() + ", a Lazy<T> of those, a reference to an @Entity or a Set<T> of one;"
                    + " mark other fields transient");
        }
        if (primaryKey && kind == PropertyKind.REFERENCE && !compositeKey) {
            throw new MappingException(where + ": a reference is a @PrimaryKey only as a part of a composite key; "
                    + "declare the other key fields @PrimaryKey too, or make the key a plain column");
        }
        if (primaryKey && kind != PropertyKind.ID && kind != PropertyKind.REFERENCE) {
            throw new MappingException(where + ": a @PrimaryKey must be a plain column (or, in a composite key, "
                    + "a reference), not a " + kind);
        }
        if (primaryKey && version) {
            throw new MappingException(where + " cannot be both @PrimaryKey and @Version; drop one");
        }
        if (version && (kind != PropertyKind.VERSION || (valueType != Long.class && valueType != Integer.class))) {
            throw new MappingException(where + ": a @Version field must be an int or long");
        }
        boolean generated = kind == PropertyKind.ID && !compositeKey
                && (valueType == Long.class || valueType == Integer.class);
        if (kind == PropertyKind.ID || kind == PropertyKind.VERSION || primaryKey) {
            nullable = false;
        }
        JoinColumn joinColumn = field.getAnnotation(JoinColumn.class);
        if (joinColumn != null) {
            if (kind != PropertyKind.REFERENCE) {
                throw new MappingException(where + ": @JoinColumn names the foreign-key column of a reference to an "
                        + "@Entity; on a " + kind + " field use @Column(name = \"...\")");
            }
            if (joinColumn.name().length == 0 || java.util.Arrays.stream(joinColumn.name()).anyMatch(String::isBlank)) {
                throw new MappingException(where + ": @JoinColumn needs a name, as in @JoinColumn(name = \"country_id\")");
            }
            if (!compositeKeyed(fieldType)) {
                if (joinColumn.name().length > 1) {
                    throw new MappingException(where + ": @JoinColumn names " + joinColumn.name().length + " columns, but "
                            + fieldType.getSimpleName() + " has a single key column: name one");
                }
                columnName = joinColumn.name()[0];
            }
        }
        if (field.isAnnotationPresent(JoinTable.class) && kind != PropertyKind.SET) {
            throw new MappingException(where + ": @JoinTable maps a Set<Entity> onto a link table; this field is a " + kind);
        }
        if (field.isAnnotationPresent(Reverse.class) && kind != PropertyKind.SET && kind != PropertyKind.REVERSE_REFERENCE) {
            throw new MappingException(where + ": @Reverse names the reverse side of a Set<Entity> or of a one-to-one; "
                    + "this field is a " + kind);
        }
        if (kind == PropertyKind.REVERSE_REFERENCE && (column != null || uniqueOnField != null)) {
            throw new MappingException(where + " is the reverse side of the one-to-one " + fieldType.getSimpleName() + "."
                    + reverseOf + " and has no column: remove its @Column/@Unique");
        }
        boolean wideReference = kind == PropertyKind.REFERENCE && compositeKeyed(fieldType);
        if (wideReference && (column != null || unique || field.isAnnotationPresent(io.nextorm.annotation.Index.class))) {
            throw new MappingException(where + " refers to the composite-keyed " + fieldType.getSimpleName() + " through "
                    + "several columns: name them with @JoinColumn(name = {...}), not @Column, and make them unique or "
                    + "indexed in the DDL (a one-to-one to a composite-keyed entity is not supported)");
        }
        if (columnName == null && !wideReference && kind != PropertyKind.SET && kind != PropertyKind.REVERSE_REFERENCE) {
            columnName = kind == PropertyKind.REFERENCE
                    ? Naming.snakeCase(field.getName()) + "_" + referencedKeyColumn(fieldType, where)
                    : Naming.snakeCase(field.getName());
        }
        MethodHandle getter;
        MethodHandle setter;
        try {
            getter = lookup.unreflectGetter(field).asType(MethodType.methodType(Object.class, Object.class));
            setter = lookup.unreflectSetter(field).asType(MethodType.methodType(void.class, Object.class, Object.class));
        } catch (IllegalAccessException e) {
            throw new MappingException("Cannot access " + where, e);
        }
        PropertyModel property = new PropertyModel(field, kind, valueType, kind.hasColumn() ? columnName : null,
                nullable, generated, length, precision, scale, unique, sqlDefault, getter, setter);
        if (primaryKey) {
            property.markKeyPart();
        }
        if (wideReference && joinColumn != null) {
            property.joinColumns(List.of(joinColumn.name()));
        }
        if (converter != null) {
            property.convertWith(converter);
            if (converter instanceof JsonConverter) {
                // PostgreSQL takes JSON text into jsonb only through a cast; the catalog may say json instead
                property.castTo("jsonb");
            }
        }
        return property;
    }

    /** The converter of a {@code @Convert} or {@code @Json} field, or null for other fields. */
    private static ValueConverter converterOf(Field field, String where, boolean keyOrVersion) {
        io.nextorm.annotation.Convert convert = field.getAnnotation(io.nextorm.annotation.Convert.class);
        boolean json = field.isAnnotationPresent(io.nextorm.annotation.Json.class);
        if (convert == null && !json) {
            return null;
        }
        String annotation = convert != null ? "@Convert" : "@Json";
        if (convert != null && json) {
            throw new MappingException(where + " has both @Convert and @Json: keep one");
        }
        Class<?> type = field.getType();
        if (keyOrVersion) {
            throw new MappingException(where + ": " + annotation + " is for plain columns, not a @PrimaryKey or "
                    + "@Version: remove one of the annotations");
        }
        boolean relation = type == Set.class && field.getGenericType() instanceof ParameterizedType set
                && set.getActualTypeArguments()[0] instanceof Class<?> element && element.isAnnotationPresent(Entity.class);
        if (type == Lazy.class || relation || type.isAnnotationPresent(Entity.class)) {
            throw new MappingException(where + ": " + annotation + " is for plain columns, not a "
                    + type.getSimpleName() + " (a lazy field, a relation or a reference): remove it");
        }
        return convert != null ? UserConverter.of(convert, where) : new JsonConverter(field.getGenericType(), where);
    }

    /** Whether an entity class has a key of several columns (several @PrimaryKey fields or an @Embeddable record). */
    private static boolean compositeKeyed(Class<?> target) {
        long keys = persistentFields(target).stream().filter(f -> f.isAnnotationPresent(PrimaryKey.class))
                .mapToLong(f -> f.getType().isRecord() && EmbeddedKeyReader.isEmbeddable(f.getType())
                        ? f.getType().getRecordComponents().length : 1).sum();
        return keys > 1;
    }

    private static String referencedKeyColumn(Class<?> target, String where) {
        for (Class<?> c = target; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(PrimaryKey.class)) {
                    Column column = field.getAnnotation(Column.class);
                    return column != null && !column.name().isEmpty() ? column.name() : Naming.snakeCase(field.getName());
                }
            }
        }
        throw new MappingException(where + " refers to " + target.getName() + ", which has no @PrimaryKey field");
    }

    private static Class<?> typeArgument(Field field, String where) {
        Type generic = field.getGenericType();
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> argument) {
            return argument;
        }
        throw new MappingException(where + " must name its element type, as in " + field.getType().getSimpleName()
                + "<String>");
    }

    private static boolean isBasic(Class<?> type) {
        return SupportedTypes.isColumnType(type);
    }

    private static String supportedTypes() {
        return SupportedTypes.describe();
    }

    /**
     * The boxed form of a primitive type.
     *
     * @param type a type
     * @return its wrapper for a primitive, else itself
     */
    public static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return MethodType.methodType(type).wrap().returnType();
    }

    private static List<Index> indexesOf(Class<?> type, String table, List<PropertyModel> properties) {
        List<Index> indexes = new ArrayList<>();
        for (PropertyModel property : properties) {
            if (property.name().indexOf('.') >= 0) {
                continue; // a component of an @Embeddable key
            }
            Field field = fieldOf(property);
            for (io.nextorm.annotation.Index index : field.getAnnotationsByType(io.nextorm.annotation.Index.class)) {
                requireColumn(type, property);
                indexes.add(new Index(nameOr(index.name(), "idx_" + table + "_" + property.column()),
                        List.of(property.column()), false));
            }
        }
        for (io.nextorm.annotation.Index index : type.getAnnotationsByType(io.nextorm.annotation.Index.class)) {
            List<String> columns = columnsOf(type, index.value(), properties, "@Index");
            indexes.add(new Index(nameOr(index.name(), "idx_" + table + "_" + String.join("_", columns)), columns, false));
        }
        for (Unique unique : type.getAnnotationsByType(Unique.class)) {
            List<String> columns = columnsOf(type, unique.value(), properties, "@Unique");
            indexes.add(new Index(nameOr(unique.name(), "uq_" + table + "_" + String.join("_", columns)), columns, true));
        }
        return indexes;
    }

    private static Field fieldOf(PropertyModel property) {
        try {
            return property.owner().getDeclaredField(property.name());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> columnsOf(Class<?> type, String[] names, List<PropertyModel> properties, String what) {
        if (names.length == 0) {
            throw new MappingException(what + " on " + type.getName() + " must name its fields, as in "
                    + what + "({\"author\", \"slug\"})");
        }
        List<String> columns = new ArrayList<>();
        for (String name : names) {
            PropertyModel property = properties.stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> new MappingException(what + " on " + type.getName() + " names the field '" + name
                            + "', which is not a persistent field of it"));
            requireColumn(type, property);
            columns.add(property.column());
        }
        return columns;
    }

    private static void requireColumn(Class<?> type, PropertyModel property) {
        if (!property.kind().hasColumn()) {
            throw new MappingException("An index on " + type.getName() + "." + property.name()
                    + " is impossible: a " + property.kind() + " has no column");
        }
        if (property.kind() == PropertyKind.REFERENCE && property.column() == null) {
            throw new MappingException("An index on " + type.getName() + "." + property.name() + " is not supported: it "
                    + "refers to a composite-keyed entity through several columns; index them in the DDL");
        }
    }

    private static String nameOr(String given, String fallback) {
        if (!given.isEmpty()) {
            return given;
        }
        return fallback.length() > 60 ? fallback.substring(0, 60) : fallback;
    }
}
