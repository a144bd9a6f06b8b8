package io.nextorm.internal.mapping;

import io.nextorm.MappingException;

import java.util.ArrayList;
import java.util.List;

/**
 * The foreign-key columns of a reference to a composite-keyed entity: one per key column of the
 * target, in key order, named by {@code @JoinColumn(name = {...})} or {@code <field>_<key column>}.
 */
final class ReferenceColumns {

    private ReferenceColumns() {
    }

    static List<String> of(PropertyModel reference, EntityModel<?> target, List<String> given) {
        List<String> keyColumns = target.key().columns();
        if (!given.isEmpty() && given.size() != keyColumns.size()) {
            throw new MappingException("@JoinColumn on " + reference + " names " + given.size() + " column"
                    + (given.size() == 1 ? "" : "s") + " " + given + ", but " + target.name() + " has the composite key "
                    + target.key().names() + " of " + keyColumns.size() + " columns " + keyColumns + ": name one "
                    + "foreign-key column per key column, in key order, as in @JoinColumn(name = {"
                    + String.join(", ", keyColumns.stream().map(c -> "\"" + c + "\"").toList()) + "})");
        }
        if (!given.isEmpty()) {
            return given;
        }
        List<String> columns = new ArrayList<>(keyColumns.size());
        for (String keyColumn : keyColumns) {
            columns.add(Naming.snakeCase(reference.name()) + "_" + keyColumn);
        }
        return columns;
    }

    /**
     * Refuses a reference to a composite-keyed entity whose key itself has a part that refers to a
     * composite-keyed entity (two levels of composite keys), which nextorm does not map.
     *
     * @param reference a resolved reference
     * @throws MappingException naming the reference and the part
     */
    static void requireFlatKey(PropertyModel reference) {
        for (PropertyModel part : reference.target().key().parts()) {
            if (part.wide()) {
                throw new MappingException(reference + " refers to " + reference.target().name() + ", whose key part "
                        + part + " refers to the composite-keyed " + part.target().name() + "; a reference to a key of "
                        + "two levels of composite keys is not supported: map its foreign-key columns as plain fields");
            }
        }
    }
}
