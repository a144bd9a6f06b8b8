package io.nextorm.internal.mapping;

import io.nextorm.MappingException;
import io.nextorm.annotation.Entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the target entity of references and sets, and the reverse side (and join table) of each {@code Set}.
 */
final class RelationResolver {

    private RelationResolver() {
    }

    static EntityModel<?> requireEntity(Map<Class<?>, EntityModel<?>> models, PropertyModel property) {
        EntityModel<?> target = models.get(property.valueType());
        if (target == null) {
            throw new MappingException(property + " refers to " + property.valueType().getName()
                    + ", which is not a registered entity: annotate it with @Entity and register it too");
        }
        return target;
    }

    static PropertyModel.Relation relationOf(EntityModel<?> owner, PropertyModel set, EntityModel<?> target,
                                                     boolean validate) {
        List<PropertyModel> candidates = new ArrayList<>();
        for (PropertyModel other : target.properties()) {
            if (other == set) {
                continue;
            }
            if ((other.kind() == PropertyKind.REFERENCE || other.kind() == PropertyKind.SET)
                    && other.valueType() == owner.type()) {
                candidates.add(other);
            }
        }
        if (candidates.size() != 1) {
            if (!validate) {
                return null;
            }
            String problem = candidates.isEmpty()
                    ? "has no reverse side: add a field '" + owner.type().getSimpleName() + " ...' (one-to-many) or 'Set<"
                    + owner.type().getSimpleName() + "> ...' (many-to-many) to " + target.type().getName()
                    : "has " + candidates.size() + " reverse candidates in " + target.type().getName() + " ("
                    + candidates.stream().map(PropertyModel::name).toList() + "): keep exactly one";
            throw new MappingException("The relation " + owner.type().getName() + "." + set.name() + " (Set<"
                    + target.type().getName() + ">) " + problem);
        }
        PropertyModel reverse = candidates.get(0);
        if (reverse.kind() == PropertyKind.REFERENCE) {
            return new PropertyModel.Relation(reverse, null, null, null);
        }
        boolean ownerFirst = owner.name().compareTo(target.name()) < 0
                || (owner.name().equals(target.name()) && set.name().compareTo(reverse.name()) < 0);
        EntityModel<?> first = ownerFirst ? owner : target;
        PropertyModel firstSet = ownerFirst ? set : reverse;
        String joinTable = first.table() + "_" + Naming.snakeCase(firstSet.name());
        String ownColumn;
        String otherColumn;
        if (owner == target) {
            ownColumn = Naming.snakeCase(reverse.name()) + "_" + owner.id().column();
            otherColumn = Naming.snakeCase(set.name()) + "_" + target.id().column();
        } else {
            ownColumn = owner.table() + "_" + owner.id().column();
            otherColumn = target.table() + "_" + target.id().column();
        }
        return new PropertyModel.Relation(reverse, joinTable, ownColumn, otherColumn);
    }
}
