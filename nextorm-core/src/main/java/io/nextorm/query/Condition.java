package io.nextorm.query;

import java.util.List;

/**
 * A boolean condition of a query: what {@code filter}, {@code where}, joins and bulk updates take.
 * Conditions are immutable values and compose:
 *
 * <pre>{@code
 * Condition c = Article_.views.gt(100).and(Article_.title.startsWith("Re").or(Article_.draft.isTrue()));
 * }</pre>
 */
public sealed interface Condition permits Comparison, Between, InList, NullCheck, Like, Junction, Negation, Truth, Exists,
        InSubquery {

    /**
     * Both this and {@code other}.
     *
     * @param other the other condition
     * @return the conjunction
     */
    default Condition and(Condition other) {
        return Junction.of(Junction.Kind.AND, List.of(this, other));
    }

    /**
     * This or {@code other}.
     *
     * @param other the other condition
     * @return the disjunction
     */
    default Condition or(Condition other) {
        return Junction.of(Junction.Kind.OR, List.of(this, other));
    }

    /**
     * The negation of this condition.
     *
     * @return NOT this
     */
    default Condition not() {
        return this instanceof Negation negation ? negation.condition() : new Negation(this);
    }
}
