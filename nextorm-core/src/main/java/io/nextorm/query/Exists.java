package io.nextorm.query;

import java.util.Objects;

/**
 * {@code EXISTS (subquery)}: the subquery has a row. Negate it with {@link Condition#not()}.
 *
 * @param subquery the subquery
 */
public record Exists(Subquery subquery) implements Condition {

    /**
     * Checks the part.
     */
    public Exists {
        Objects.requireNonNull(subquery, "subquery");
    }
}
