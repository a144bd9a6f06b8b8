package io.nextorm.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Conditions joined by AND or by OR. Nested junctions of the same kind are flattened.
 *
 * @param kind AND or OR
 * @param parts the conditions, at least two
 */
public record Junction(Kind kind, List<Condition> parts) implements Condition {

    /**
     * Copies the parts.
     */
    public Junction {
        parts = List.copyOf(parts);
    }

    /**
     * Joins conditions, flattening nested junctions of the same kind; one condition stands alone,
     * none is {@link Truth#TRUE} for AND and {@link Truth#FALSE} for OR.
     *
     * @param kind AND or OR
     * @param conditions the conditions
     * @return the junction
     */
    public static Condition of(Kind kind, List<? extends Condition> conditions) {
        List<Condition> flat = new ArrayList<>(conditions.size());
        for (Condition condition : conditions) {
            if (condition == null) {
                throw new IllegalArgumentException(kind + " got a null condition");
            }
            if (condition instanceof Junction junction && junction.kind == kind) {
                flat.addAll(junction.parts);
            } else {
                flat.add(condition);
            }
        }
        if (flat.isEmpty()) {
            return kind == Kind.AND ? Truth.TRUE : Truth.FALSE;
        }
        return flat.size() == 1 ? flat.get(0) : new Junction(kind, flat);
    }

    /** How the parts are joined. */
    public enum Kind {
        /** All parts hold. */
        AND,
        /** At least one part holds. */
        OR
    }
}
