package io.nextorm.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A property reached from an entity: {@code [title]} on {@code Article}, or {@code [author, name]}
 * through a reference (rendered as a join).
 *
 * @param root the entity the path starts from
 * @param alias the alias of an explicitly joined entity, or null for the query's own entity (or the
 *              only join of {@code root})
 * @param names the property names, from the root to the target; never empty
 */
public record PropertyPath(Class<?> root, String alias, List<String> names) implements Expression {

    /**
     * Validates and copies the names.
     */
    public PropertyPath {
        Objects.requireNonNull(root, "root");
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("A property path needs at least one property name");
        }
    }

    /**
     * A path of one property.
     *
     * @param root the entity
     * @param name the property name
     * @return the path
     */
    public static PropertyPath of(Class<?> root, String name) {
        return new PropertyPath(root, null, List.of(name));
    }

    /**
     * This path continued by another one that starts at the entity this path reaches.
     *
     * @param next the continuation
     * @return the joined path, rooted here
     */
    public PropertyPath then(PropertyPath next) {
        List<String> joined = new ArrayList<>(names);
        joined.addAll(next.names);
        return new PropertyPath(root, alias, joined);
    }

    /**
     * The same path, on the entity joined under {@code alias}.
     *
     * @param newAlias the join alias
     * @return the aliased path
     */
    public PropertyPath withAlias(String newAlias) {
        return new PropertyPath(root, newAlias, names);
    }

    /**
     * The last property name.
     *
     * @return the target property
     */
    public String leaf() {
        return names.get(names.size() - 1);
    }

    @Override
    public String toString() {
        return (alias == null ? root.getSimpleName() : alias) + "." + String.join(".", names);
    }
}
