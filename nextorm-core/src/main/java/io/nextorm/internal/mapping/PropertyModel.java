package io.nextorm.internal.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.util.List;

/**
 * One persistent property of an entity, read once per class. Values are read and written through
 * method handles made once, so mapping a row costs no reflection.
 */
public final class PropertyModel {

    private final Class<?> owner;
    private final String name;
    private final Class<?> fieldType;
    private final Class<?> valueType;
    private final PropertyKind kind;
    private final String column;
    private List<String> columns;
    private List<String> joinColumns = List.of();
    /** The referenced key columns' types, made at first use (the target is resolved by then). */
    private volatile List<Class<?>> referenceColumnTypes;
    private final boolean nullable;
    private final boolean generated;
    private final int length;
    private final int precision;
    private final int scale;
    private final boolean unique;
    private final String sqlDefault;
    private final boolean cascadeDelete;
    private final MethodHandle getter;
    private final MethodHandle setter;
    private EntityModel<?> target;
    private Relation relation;
    private volatile String castType;
    private volatile ValueConverter converter;
    private boolean keyPart;

    PropertyModel(Field field, PropertyKind kind, Class<?> valueType, String column, boolean nullable,
                  boolean generated, int length, int precision, int scale, boolean unique, String sqlDefault,
                  MethodHandle getter, MethodHandle setter) {
        this(field, field.getName(), field.getType(), kind, valueType, column, nullable, generated, length, precision,
                scale, unique, sqlDefault, getter, setter);
    }

    /** A property under another name and type than its field's: a component of an {@code @Embeddable} key. */
    PropertyModel(Field field, String name, Class<?> fieldType, PropertyKind kind, Class<?> valueType, String column,
                  boolean nullable, boolean generated, int length, int precision, int scale, boolean unique,
                  String sqlDefault, MethodHandle getter, MethodHandle setter) {
        this.owner = field.getDeclaringClass();
        this.name = name;
        this.fieldType = fieldType;
        this.valueType = valueType;
        this.kind = kind;
        this.column = column;
        this.columns = column == null ? List.of() : List.of(column);
        this.nullable = nullable;
        this.generated = generated;
        this.length = length;
        this.precision = precision;
        this.scale = scale;
        this.unique = unique;
        this.sqlDefault = sqlDefault;
        this.cascadeDelete = field.isAnnotationPresent(io.nextorm.annotation.CascadeDelete.class);
        this.getter = getter;
        this.setter = setter;
    }

    /**
     * The property (field) name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The class that declares the field.
     *
     * @return the declaring class
     */
    public Class<?> owner() {
        return owner;
    }

    /**
     * The declared field type: {@code long}, {@code Lazy}, {@code Set}, {@code Author}.
     *
     * @return the field type
     */
    public Class<?> fieldType() {
        return fieldType;
    }

    /**
     * The type of the stored value, boxed: {@code Long} for {@code long}, {@code String} for
     * {@code Lazy<String>}, the element entity for a set, the referenced entity for a reference.
     *
     * @return the value type
     */
    public Class<?> valueType() {
        return valueType;
    }

    /**
     * What the property is stored as.
     *
     * @return the kind
     */
    public PropertyKind kind() {
        return kind;
    }

    /**
     * The column name, unquoted; null for a set.
     *
     * @return the column name
     * @throws IllegalStateException for a reference to a composite-keyed entity, which has several
     *         ({@link #columns()})
     */
    public String column() {
        if (columns.size() > 1) {
            throw new IllegalStateException(this + " refers to " + target.name() + " through the columns " + columns
                    + ", which this operation does not support");
        }
        return column;
    }

    /**
     * The columns, unquoted: one for a plain column or a reference to a single-keyed entity, one per
     * key column (in key order) for a reference to a composite-keyed entity, none for a set.
     *
     * @return the column names
     */
    public List<String> columns() {
        return columns;
    }

    /**
     * Whether this is a reference to a composite-keyed entity, stored in several columns.
     *
     * @return true when {@link #columns()} has more than one
     */
    public boolean wide() {
        return columns.size() > 1;
    }

    /**
     * The Java types of this property's columns: for a reference, the referenced key columns' types (in
     * key order); else the {@link #columnType()}.
     *
     * @return one type per column
     */
    public List<Class<?>> columnTypes() {
        if (kind != PropertyKind.REFERENCE) {
            return List.of(columnType());
        }
        List<Class<?>> known = referenceColumnTypes;
        if (known == null) {
            known = target.key().parts().stream().<Class<?>>map(KeyModel::columnType).toList();
            referenceColumnTypes = known;
        }
        return known;
    }

    /**
     * The column values of a value of this property: the value itself, or for a wide reference the
     * parts of the referenced key (all null for null).
     *
     * @param columnValue the value as bound ({@link CompositeKey} for a wide reference)
     * @return one value per column
     */
    public List<Object> columnValues(Object columnValue) {
        if (!wide()) {
            return java.util.Collections.singletonList(columnValue);
        }
        if (columnValue == null) {
            return java.util.Arrays.asList(new Object[columns.size()]);
        }
        return ((CompositeKey) columnValue).values();
    }

    /**
     * Whether the column allows NULL.
     *
     * @return true for {@code @Nullable} fields
     */
    public boolean nullable() {
        return nullable;
    }

    /**
     * Whether the database generates the value (an identity key).
     *
     * @return true for a generated key
     */
    public boolean generated() {
        return generated;
    }

    /**
     * The string length; 0 or less for an unbounded text type.
     *
     * @return the length
     */
    public int length() {
        return length;
    }

    /**
     * The decimal precision.
     *
     * @return the precision
     */
    public int precision() {
        return precision;
    }

    /**
     * The decimal scale.
     *
     * @return the scale
     */
    public int scale() {
        return scale;
    }

    /**
     * Whether the column is unique on its own.
     *
     * @return true for a unique column
     */
    public boolean unique() {
        return unique;
    }

    /**
     * Whether the members removed from this one-to-many set are deleted at flush
     * ({@link io.nextorm.annotation.CascadeDelete}).
     *
     * @return true when the field is annotated
     */
    public boolean cascadeDelete() {
        return cascadeDelete;
    }

    /**
     * The DEFAULT expression of the DDL, or null.
     *
     * @return the default
     */
    public String sqlDefault() {
        return sqlDefault;
    }

    /**
     * The referenced (or element) entity of a reference or set; null otherwise.
     *
     * @return the target entity model
     */
    public EntityModel<?> target() {
        return target;
    }

    /**
     * How a set is stored, or the other side of a one-to-one (for its reverse side, the owning unique
     * reference; for the owning reference, the reverse side); null for other kinds (and for a set whose
     * relation was not validated).
     *
     * @return the relation
     */
    public Relation relation() {
        return relation;
    }

    /**
     * Whether this property is a column loaded with the entity.
     *
     * @return true for ID, BASIC, VERSION and REFERENCE
     */
    public boolean isEagerColumn() {
        return kind.isEagerColumn();
    }

    /**
     * Reads the field.
     *
     * @param entity the entity
     * @return the field's value (boxed)
     */
    public Object get(Object entity) {
        try {
            return getter.invokeExact(entity);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot read " + this, e);
        }
    }

    /**
     * Writes the field.
     *
     * @param entity the entity
     * @param value the value; null leaves a primitive field at its default
     */
    public void set(Object entity, Object value) {
        if (value == null && fieldType.isPrimitive()) {
            return;
        }
        try {
            setter.invokeExact(entity, value);
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("Cannot set " + this + " (" + fieldType.getName() + ") to a "
                    + value.getClass().getName(), e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot write " + this, e);
        }
    }

    /**
     * Whether the field is (a part of) the primary key: a plain key column, or a reference that is
     * part of a composite key.
     *
     * @return true for a key field
     */
    public boolean keyPart() {
        return keyPart || kind == PropertyKind.ID;
    }

    void markKeyPart() {
        this.keyPart = true;
    }

    /**
     * The database type a bound value of this column is cast to (a PostgreSQL enum or domain), or null.
     *
     * @return the type name, or null
     */
    public String castType() {
        return castType;
    }

    /**
     * Casts the values bound to this column to a database type, read from the catalog at
     * {@code generateMapping} before the mapping is used.
     *
     * @param typeName the database type
     */
    void castTo(String typeName) {
        this.castType = typeName;
    }

    /**
     * How this property's values become column values, or null when they are the same.
     *
     * @return the converter, or null
     */
    public ValueConverter converter() {
        return converter;
    }

    /**
     * The Java type of the column: {@link #valueType()} unless a converter says otherwise.
     *
     * @return the column's type
     */
    public Class<?> columnType() {
        ValueConverter current = converter;
        return current == null ? valueType : current.columnType();
    }

    /**
     * The Java type of the values bound to the column (a NULL is bound as this type).
     *
     * @return the bound type
     */
    public Class<?> bindType() {
        ValueConverter current = converter;
        return current == null ? valueType : current.bindType();
    }

    /**
     * Converts a property value for binding to the column (a written value, or a value compared with it).
     *
     * @param value the value; null stays null
     * @return the value to bind
     */
    public Object toColumn(Object value) {
        ValueConverter current = converter;
        return current == null || value == null ? value : current.toColumn(value);
    }

    /**
     * Converts a value read from the column (already in {@link #columnType()}) for the field.
     *
     * @param value the value read; null stays null
     * @return the field's value
     */
    public Object fromColumn(Object value) {
        ValueConverter current = converter;
        return current == null || value == null ? value : current.toProperty(value);
    }

    /**
     * Converts this property's values with a converter: at reading ({@code @Convert}, {@code @Json})
     * or at {@code generateMapping} from the catalog (a boolean over an integer column).
     *
     * @param valueConverter the converter
     */
    void convertWith(ValueConverter valueConverter) {
        this.converter = valueConverter;
    }

    void resolve(EntityModel<?> targetModel, Relation setRelation) {
        this.target = targetModel;
        this.relation = setRelation;
        if (kind == PropertyKind.REFERENCE && targetModel.key().composite()) {
            this.columns = ReferenceColumns.of(this, targetModel, joinColumns);
        }
    }

    /** The {@code @JoinColumn} names of a reference, kept for a composite-keyed target (resolved later). */
    void joinColumns(List<String> names) {
        this.joinColumns = List.copyOf(names);
    }

    @Override
    public String toString() {
        return owner.getSimpleName() + "." + name;
    }
}
