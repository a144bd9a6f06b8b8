package io.nextorm.internal.mapping;

import io.nextorm.mapping.ForeignKey;
import io.nextorm.mapping.Table;

import io.nextorm.MappingException;
import io.nextorm.annotation.Entity;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mapping of a set of entity classes: one {@link EntityModel} per class with its relations
 * resolved, and the {@link Table}s of the schema. Immutable once built.
 */
public final class Mapping {

    private final Map<Class<?>, EntityModel<?>> entities;
    private final Map<String, Table> tables;
    private final List<Table> creationOrder;
    private final Set<ForeignKey> deferredForeignKeys;

    private Mapping(Map<Class<?>, EntityModel<?>> entities, Map<String, Table> tables, List<Table> creationOrder,
                    Set<ForeignKey> deferredForeignKeys) {
        this.entities = Collections.unmodifiableMap(entities);
        this.tables = Collections.unmodifiableMap(tables);
        this.creationOrder = List.copyOf(creationOrder);
        this.deferredForeignKeys = Set.copyOf(deferredForeignKeys);
    }

    /**
     * Gives every {@code @Json} field its codec: the given one, else Jackson 3 when it is on the class path.
     *
     * @param codec the application's codec, or null for the default
     * @throws MappingException when there is a {@code @Json} field and no codec
     */
    public void useJsonCodec(io.nextorm.spi.JsonCodec codec) {
        useJsonCodec(codec, JsonConverter::defaultCodec);
    }

    void useJsonCodec(io.nextorm.spi.JsonCodec codec, java.util.function.Supplier<io.nextorm.spi.JsonCodec> fallback) {
        List<String> fields = new java.util.ArrayList<>();
        io.nextorm.spi.JsonCodec chosen = codec;
        for (EntityModel<?> model : entities.values()) {
            for (PropertyModel property : model.properties()) {
                if (property.converter() instanceof JsonConverter json) {
                    if (chosen == null) {
                        chosen = fallback.get();
                    }
                    if (chosen == null) {
                        fields.add(property.toString());
                    } else {
                        json.useCodec(chosen);
                    }
                }
            }
        }
        if (!fields.isEmpty()) {
            throw new MappingException(String.join(", ", fields) + (fields.size() == 1 ? " is" : " are")
                    + " @Json but there is no JSON codec: add the dependency tools.jackson.core:jackson-databind "
                    + "(Jackson 3), or set a codec with AsyncDatabase.setJsonCodec(...)");
        }
    }

    /**
     * Reads and cross-checks the entity classes.
     *
     * @param classes the entity classes, each annotated with {@code @Entity}
     * @param validateRelations whether every {@code Set<T>} must have exactly one reverse side; when
     *                          false, a set without one is left unmapped
     * @return the mapping
     * @throws MappingException naming the class and field of the first problem
     */
    public static Mapping build(Collection<Class<?>> classes, boolean validateRelations) {
        Map<Class<?>, EntityModel<?>> models = new LinkedHashMap<>();
        for (Class<?> type : classes) {
            models.put(type, EntityReader.readEntity(type));
        }
        // references first: the columns of one to a composite-keyed entity are known once it is resolved,
        // and the sets' link tables (and the keys that contain such a reference) are named after them
        for (EntityModel<?> model : models.values()) {
            for (PropertyModel property : model.properties()) {
                if (property.kind() == PropertyKind.REFERENCE && !property.keyPart()) {
                    property.resolve(RelationResolver.requireEntity(models, property), null);
                }
            }
        }
        for (EntityModel<?> model : models.values()) {
            for (PropertyModel property : model.properties()) {
                if (property.kind() == PropertyKind.REFERENCE && property.keyPart()) {
                    property.resolve(RelationResolver.requireEntity(models, property), null);
                }
            }
        }
        for (EntityModel<?> model : models.values()) {
            for (PropertyModel property : model.properties()) {
                if (property.kind() == PropertyKind.REFERENCE) {
                    ReferenceColumns.requireFlatKey(property);
                } else if (property.kind() == PropertyKind.REVERSE_REFERENCE) {
                    EntityModel<?> target = RelationResolver.requireEntity(models, property);
                    property.resolve(target, RelationResolver.oneToOneOf(model, property, target));
                } else if (property.kind() == PropertyKind.SET) {
                    EntityModel<?> target = RelationResolver.requireEntity(models, property);
                    property.resolve(target, RelationResolver.relationOf(model, property, target, validateRelations));
                }
            }
        }
        for (EntityModel<?> model : models.values()) {
            for (PropertyModel property : model.properties()) {
                if (property.kind() == PropertyKind.REVERSE_REFERENCE) {
                    PropertyModel owning = property.relation().reverse();
                    owning.resolve(owning.target(), new Relation(property));
                }
            }
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        for (EntityModel<?> model : models.values()) {
            Table table = SchemaBuilder.tableOf(model);
            if (tables.put(table.name(), table) != null) {
                throw new MappingException("Two entities map to the table '" + table.name() + "'; give one of them "
                        + "@Entity(table = \"...\")");
            }
        }
        for (EntityModel<?> model : models.values()) {
            for (PropertyModel set : model.sets()) {
                Relation relation = set.relation();
                if (relation != null && relation.isManyToMany() && !tables.containsKey(relation.joinTable())) {
                    tables.put(relation.joinTable(), SchemaBuilder.joinTableOf(model, set));
                }
            }
        }
        Set<ForeignKey> deferred = new LinkedHashSet<>();
        List<Table> order = SchemaBuilder.dependencyOrder(tables, deferred);
        return new Mapping(models, tables, order, deferred);
    }

    /**
     * The model of an entity class.
     *
     * @param type the class
     * @param <T> the entity type
     * @return its model
     * @throws IllegalArgumentException when the class is not a mapped entity
     */
    @SuppressWarnings("unchecked")
    public <T> EntityModel<T> entity(Class<T> type) {
        EntityModel<?> model = entities.get(type);
        if (model == null) {
            throw new IllegalArgumentException(type.getName() + " is not a mapped entity: annotate it with @Entity "
                    + "and register it (db.register(" + type.getSimpleName() + ".class)) before generateMapping()");
        }
        return (EntityModel<T>) model;
    }

    /**
     * Whether a class is a mapped entity.
     *
     * @param type the class
     * @return true when mapped
     */
    public boolean isEntity(Class<?> type) {
        return entities.containsKey(type);
    }

    /**
     * All entity models, in registration order.
     *
     * @return the models
     */
    public Collection<EntityModel<?>> entities() {
        return entities.values();
    }

    /**
     * The tables, by name.
     *
     * @return the schema
     */
    public Map<String, Table> tables() {
        return tables;
    }

    /**
     * The tables in an order that creates every referenced table before the tables that refer to it.
     *
     * @return the creation order
     */
    public List<Table> creationOrder() {
        return creationOrder;
    }

    /**
     * Foreign keys that close a cycle between tables: they cannot be created inline and are added
     * with ALTER TABLE once both tables exist.
     *
     * @return the deferred foreign keys
     */
    public Set<ForeignKey> deferredForeignKeys() {
        return deferredForeignKeys;
    }

    /**
     * The boxed form of a primitive type.
     *
     * @param type a type
     * @return its wrapper for a primitive, else itself
     */
    public static Class<?> box(Class<?> type) {
        return EntityReader.box(type);
    }
}
