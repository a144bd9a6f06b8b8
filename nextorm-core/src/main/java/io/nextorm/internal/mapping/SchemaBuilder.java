package io.nextorm.internal.mapping;

import io.nextorm.mapping.Index;

import io.nextorm.mapping.ForeignKey;
import io.nextorm.mapping.Table;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link Table}s of the schema from resolved entity models: entity tables, join tables and their creation order.
 */
final class SchemaBuilder {

    private SchemaBuilder() {
    }

    static Table tableOf(EntityModel<?> model) {
        List<io.nextorm.mapping.Column> columns = new ArrayList<>();
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (PropertyModel property : model.properties()) {
            switch (property.kind()) {
                case ID, BASIC, VERSION, LAZY -> columns.add(new io.nextorm.mapping.Column(property.column(),
                        property.columnType(), property.nullable(), property.generated(), property.length(),
                        property.precision(), property.scale(), property.unique(), property.sqlDefault()));
                case REFERENCE -> {
                    List<PropertyModel> keyParts = property.target().key().parts();
                    for (int i = 0; i < keyParts.size(); i++) {
                        PropertyModel key = keyParts.get(i);
                        PropertyModel typed = key.kind() == PropertyKind.REFERENCE ? key.target().id() : key;
                        columns.add(new io.nextorm.mapping.Column(property.columns().get(i), typed.valueType(),
                                property.nullable(), false, typed.length(), typed.precision(), typed.scale(),
                                property.unique() && !property.wide(), property.sqlDefault()));
                    }
                    foreignKeys.add(new ForeignKey("fk_" + model.table() + "_" + property.columns().get(0),
                            property.columns(), property.target().table(), property.target().key().columns()));
                }
                case SET, REVERSE_REFERENCE -> {
                }
            }
        }
        return new Table(model.table(), columns, model.key().columns(), foreignKeys, model.indexes());
    }

    static Table joinTableOf(EntityModel<?> owner, PropertyModel set) {
        Relation relation = set.relation();
        EntityModel<?> target = set.target();
        List<io.nextorm.mapping.Column> columns = new ArrayList<>();
        addKeyColumns(columns, relation.ownColumns(), owner);
        addKeyColumns(columns, relation.otherColumns(), target);
        String table = relation.joinTable();
        List<ForeignKey> foreignKeys = List.of(
                new ForeignKey("fk_" + table + "_" + relation.ownColumns().get(0), relation.ownColumns(), owner.table(),
                        owner.key().columns()),
                new ForeignKey("fk_" + table + "_" + relation.otherColumns().get(0), relation.otherColumns(),
                        target.table(), target.key().columns()));
        List<Index> indexes = List.of(new Index("idx_" + table + "_" + relation.otherColumns().get(0),
                relation.otherColumns(), false));
        List<String> primaryKey = new ArrayList<>(relation.ownColumns());
        primaryKey.addAll(relation.otherColumns());
        return new Table(table, columns, primaryKey, foreignKeys, indexes);
    }

    /** A link table's columns of one side: one per key column of the side, of the key column's type. */
    private static void addKeyColumns(List<io.nextorm.mapping.Column> columns, List<String> names, EntityModel<?> side) {
        List<PropertyModel> keys = new ArrayList<>();
        for (PropertyModel part : side.key().parts()) {
            if (part.wide()) {
                part.target().key().parts().forEach(keys::add);
            } else {
                keys.add(part.kind() == PropertyKind.REFERENCE ? part.target().id() : part);
            }
        }
        for (int i = 0; i < keys.size(); i++) {
            PropertyModel key = keys.get(i).kind() == PropertyKind.REFERENCE ? keys.get(i).target().id() : keys.get(i);
            columns.add(new io.nextorm.mapping.Column(names.get(i), key.valueType(), false, false, key.length(),
                    key.precision(), key.scale(), false, null));
        }
    }

    static List<Table> dependencyOrder(Map<String, Table> tables, Set<ForeignKey> deferred) {
        List<Table> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (Table table : tables.values()) {
            visit(table, tables, done, visiting, order, deferred);
        }
        return order;
    }

    private static void visit(Table table, Map<String, Table> tables, Set<String> done, Set<String> visiting,
                              List<Table> order, Set<ForeignKey> deferred) {
        if (done.contains(table.name())) {
            return;
        }
        visiting.add(table.name());
        for (ForeignKey foreignKey : table.foreignKeys()) {
            String referenced = foreignKey.referencedTable();
            if (referenced.equals(table.name())) {
                continue;
            }
            if (visiting.contains(referenced)) {
                deferred.add(foreignKey);
            } else {
                visit(tables.get(referenced), tables, done, visiting, order, deferred);
            }
        }
        visiting.remove(table.name());
        done.add(table.name());
        order.add(table);
    }
}
