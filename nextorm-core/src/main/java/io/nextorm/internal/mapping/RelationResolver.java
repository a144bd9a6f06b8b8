package io.nextorm.internal.mapping;

import io.nextorm.MappingException;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.JoinTable;
import io.nextorm.annotation.Reverse;

import java.lang.annotation.Annotation;

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

    static Relation relationOf(EntityModel<?> owner, PropertyModel set, EntityModel<?> target,
                                                     boolean validate) {
        List<PropertyModel> candidates = candidates(owner, set, target);
        if (candidates.size() != 1) {
            if (!validate) {
                return null;
            }
            String problem = candidates.isEmpty()
                    ? "has no reverse side: add a field '" + owner.type().getSimpleName() + " ...' (one-to-many) or 'Set<"
                    + owner.type().getSimpleName() + "> ...' (many-to-many) to " + target.type().getName()
                    : "has " + candidates.size() + " reverse candidates in " + target.type().getName() + " ("
                    + candidates.stream().map(PropertyModel::name).toList() + "): keep exactly one, or name it with @Reverse(\"field\") on " + set
                    + "";
            throw new MappingException("The relation " + owner.type().getName() + "." + set.name() + " (Set<"
                    + target.type().getName() + ">) " + problem);
        }
        PropertyModel reverse = candidates.get(0);
        if (reverse.kind() == PropertyKind.REFERENCE) {
            return new Relation(reverse);
        }
        JoinTable own = annotation(set, JoinTable.class);
        JoinTable other = annotation(reverse, JoinTable.class);
        if (own != null && other != null) {
            throw new MappingException("Both " + set + " and " + reverse + " carry @JoinTable; keep it on one side only "
                    + "(the other side uses the same link table with the columns swapped)");
        }
        if (own != null || other != null) {
            JoinTable given = own != null ? own : other;
            PropertyModel annotated = own != null ? set : reverse;
            List<String> ownerSide = columns(own != null ? given.joinColumns() : given.inverseJoinColumns(),
                    prefixed(owner.table() + "_", owner), owner, annotated);
            List<String> targetSide = columns(own != null ? given.inverseJoinColumns() : given.joinColumns(),
                    prefixed(target.table() + "_", target), target, annotated);
            if (ownerSide.stream().anyMatch(targetSide::contains)) {
                throw new MappingException("@JoinTable on " + annotated + " names the same column for both sides ("
                        + ownerSide + ", " + targetSide + "): set joinColumns and inverseJoinColumns to the link "
                        + "table's columns of each side");
            }
            return new Relation(reverse, given.name(), ownerSide, targetSide);
        }
        boolean ownerFirst = owner.name().compareTo(target.name()) < 0
                || (owner.name().equals(target.name()) && set.name().compareTo(reverse.name()) < 0);
        EntityModel<?> first = ownerFirst ? owner : target;
        PropertyModel firstSet = ownerFirst ? set : reverse;
        String joinTable = first.table() + "_" + Naming.snakeCase(firstSet.name());
        if (owner == target) {
            return new Relation(reverse, joinTable, prefixed(Naming.snakeCase(reverse.name()) + "_", owner),
                    prefixed(Naming.snakeCase(set.name()) + "_", target));
        }
        return new Relation(reverse, joinTable, prefixed(owner.table() + "_", owner),
                prefixed(target.table() + "_", target));
    }

    /** The link-table columns of one side by default: a prefix and each of the side's key columns. */
    private static List<String> prefixed(String prefix, EntityModel<?> side) {
        return side.key().columns().stream().map(column -> prefix + column).toList();
    }

    /**
     * The relation of the reverse side of a one-to-one: the unique reference of the target that holds
     * the column (chosen when the entity was read).
     */
    static Relation oneToOneOf(EntityModel<?> owner, PropertyModel reverseSide, EntityModel<?> target) {
        Reverse named = annotation(reverseSide, Reverse.class);
        for (PropertyModel other : target.properties()) {
            if (other.kind() == PropertyKind.REFERENCE && other.valueType() == owner.type() && other.unique()
                    && (named == null || other.name().equals(named.value()))) {
                return new Relation(other);
            }
        }
        throw new MappingException(reverseSide + " is the reverse side of a one-to-one, but " + target.type().getName()
                + " has no unique reference to " + owner.type().getName() + ": add @Column(unique = true) to it");
    }

    /** The fields of the target that can be the reverse side of the set, narrowed by {@code @Reverse}. */
    private static List<PropertyModel> candidates(EntityModel<?> owner, PropertyModel set, EntityModel<?> target) {
        List<PropertyModel> candidates = new ArrayList<>();
        for (PropertyModel other : target.properties()) {
            if (other != set && (other.kind() == PropertyKind.REFERENCE || other.kind() == PropertyKind.SET)
                    && other.valueType() == owner.type()) {
                candidates.add(other);
            }
        }
        Reverse named = annotation(set, Reverse.class);
        if (named != null) {
            PropertyModel chosen = candidates.stream().filter(p -> p.name().equals(named.value())).findFirst()
                    .orElseThrow(() -> new MappingException("@Reverse(\"" + named.value() + "\") on " + set + " names no "
                            + "field of " + target.type().getName() + " that refers to " + owner.type().getSimpleName()
                            + "; the candidates are " + candidates.stream().map(PropertyModel::name).toList()));
            return List.of(chosen);
        }
        List<PropertyModel> pointingBack = candidates.stream()
                .filter(p -> annotation(p, Reverse.class) != null && annotation(p, Reverse.class).value().equals(set.name()))
                .toList();
        if (pointingBack.size() == 1) {
            return pointingBack;
        }
        return candidates.stream().filter(p -> annotation(p, Reverse.class) == null).toList();
    }

    private static List<String> columns(String[] given, List<String> fallback, EntityModel<?> side, PropertyModel where) {
        if (given.length == 0) {
            return fallback;
        }
        if (given.length != fallback.size() || java.util.Arrays.stream(given).anyMatch(String::isBlank)) {
            throw new MappingException("@JoinTable on " + where + " names " + given.length + " column"
                    + (given.length == 1 ? "" : "s") + " for the side of " + side.name() + ", whose key " + side.key().names()
                    + " has " + fallback.size() + ": name one link-table column per key column, in key order");
        }
        return List.of(given);
    }

    static <A extends Annotation> A annotation(PropertyModel property, Class<A> type) {
        try {
            return property.owner().getDeclaredField(property.name()).getAnnotation(type);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
