package io.nextorm.internal.mapping;

import io.nextorm.mapping.Index;

import java.lang.invoke.MethodHandle;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mapping of one entity class, read once: its table, key, columns, lazy fields and relations.
 *
 * @param <T> the entity type
 */
public final class EntityModel<T> {

    private final Class<T> type;
    private final String name;
    private final String table;
    private final MethodHandle constructor;
    private final List<PropertyModel> properties;
    private final List<PropertyModel> eagerColumns;
    private final List<PropertyModel> lazies;
    private final List<PropertyModel> references;
    private final List<PropertyModel> sets;
    private final Map<String, PropertyModel> byName;
    private final PropertyModel id;
    private final KeyModel key;
    private final PropertyModel version;
    private final List<Index> indexes;
    private final boolean hooks;

    EntityModel(Class<T> type, String table, MethodHandle constructor, List<PropertyModel> properties,
                List<Index> indexes, boolean hooks) {
        this.type = type;
        this.name = type.getSimpleName();
        this.table = table;
        this.constructor = constructor;
        this.properties = List.copyOf(properties);
        this.eagerColumns = properties.stream().filter(PropertyModel::isEagerColumn).toList();
        this.lazies = properties.stream().filter(p -> p.kind() == PropertyKind.LAZY).toList();
        this.references = properties.stream().filter(p -> p.kind() == PropertyKind.REFERENCE).toList();
        this.sets = properties.stream().filter(p -> p.kind() == PropertyKind.SET).toList();
        Map<String, PropertyModel> names = new LinkedHashMap<>();
        properties.forEach(p -> names.put(p.name(), p));
        this.byName = Collections.unmodifiableMap(names);
        List<PropertyModel> keyParts = properties.stream().filter(PropertyModel::keyPart).toList();
        this.key = new KeyModel(name, keyParts);
        this.id = keyParts.size() == 1 ? keyParts.get(0) : null;
        this.version = properties.stream().filter(p -> p.kind() == PropertyKind.VERSION).findFirst().orElse(null);
        this.indexes = List.copyOf(indexes);
        this.hooks = hooks;
    }

    /**
     * The entity class.
     *
     * @return the class
     */
    public Class<T> type() {
        return type;
    }

    /**
     * The entity name: the class's simple name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The table name, unquoted.
     *
     * @return the table name
     */
    public String table() {
        return table;
    }

    /**
     * All persistent properties, in declaration order (superclass fields first).
     *
     * @return the properties
     */
    public List<PropertyModel> properties() {
        return properties;
    }

    /**
     * The columns a query loads: key, plain columns, version and references, in declaration order.
     *
     * @return the eager columns
     */
    public List<PropertyModel> eagerColumns() {
        return eagerColumns;
    }

    /**
     * The {@code Lazy<T>} properties.
     *
     * @return the lazy properties
     */
    public List<PropertyModel> lazies() {
        return lazies;
    }

    /**
     * The references to other entities.
     *
     * @return the reference properties
     */
    public List<PropertyModel> references() {
        return references;
    }

    /**
     * The {@code Set<T>} relations.
     *
     * @return the set properties
     */
    public List<PropertyModel> sets() {
        return sets;
    }

    /**
     * The primary key field of an entity with a single key.
     *
     * @return the key property
     * @throws IllegalStateException for an entity with a composite key (use {@link #key()})
     */
    public PropertyModel id() {
        if (id == null) {
            throw new IllegalStateException(name + " has the composite key " + key.names()
                    + ", which this operation does not support yet");
        }
        return id;
    }

    /**
     * Whether the database generates the key (a single Long/Integer key).
     *
     * @return true for a generated key
     */
    public boolean generatedKey() {
        return id != null && id.generated();
    }

    /**
     * The primary key: one field or several.
     *
     * @return the key model
     */
    public KeyModel key() {
        return key;
    }

    /**
     * The {@code @Version} property, or null.
     *
     * @return the version property
     */
    public PropertyModel version() {
        return version;
    }

    /**
     * The indexes and multi-column unique constraints of the table.
     *
     * @return the indexes
     */
    public List<Index> indexes() {
        return indexes;
    }

    /**
     * Whether the class implements {@code EntityHooks}.
     *
     * @return true when hooks must be called
     */
    public boolean hasHooks() {
        return hooks;
    }

    /**
     * The property of a name.
     *
     * @param propertyName the field name
     * @return the property
     * @throws IllegalArgumentException naming the known properties when there is none of that name
     */
    public PropertyModel property(String propertyName) {
        PropertyModel property = byName.get(propertyName);
        if (property == null) {
            throw new IllegalArgumentException(name + " has no persistent property '" + propertyName
                    + "'; its properties are " + byName.keySet());
        }
        return property;
    }

    /**
     * The property of a name, or null.
     *
     * @param propertyName the field name
     * @return the property or null
     */
    public PropertyModel findProperty(String propertyName) {
        return byName.get(propertyName);
    }

    /**
     * A new, empty instance through the no-argument constructor.
     *
     * @return the instance
     */
    @SuppressWarnings("unchecked")
    public T newInstance() {
        try {
            return (T) constructor.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("The constructor of " + name + " failed", e);
        }
    }

    /**
     * Reads the primary key of an entity.
     *
     * @param entity the entity
     * @return the key, null (or 0 for a primitive generated key) when unsaved
     */
    public Object idOf(Object entity) {
        return id != null ? id.get(entity) : key.valueOf(entity);
    }

    /**
     * Whether an entity has no key yet: null, or 0 for a primitive generated key.
     *
     * @param entity the entity
     * @return true when the key is unset
     */
    public boolean hasNoId(Object entity) {
        return key.isUnset(entity);
    }

    @Override
    public String toString() {
        return "EntityModel[" + name + " -> " + table + "]";
    }
}
