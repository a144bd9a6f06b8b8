package io.nextorm.query;

import java.util.Objects;

/**
 * An explicit join of another entity.
 *
 * @param entity the joined entity
 * @param on the join condition
 * @param type INNER, LEFT or RIGHT
 * @param alias the alias its attributes are addressed by, or null to address them by class
 */
public record Join(Class<?> entity, Condition on, JoinType type, String alias) {

    /**
     * Checks the parts.
     */
    public Join {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(type, "type");
    }
}
