package io.nextorm;

import io.nextorm.query.Condition;
import io.nextorm.query.Junction;

import java.util.Arrays;
import java.util.List;

/**
 * Static composition of conditions, for when a method chain reads worse:
 *
 * <pre>{@code
 * import static io.nextorm.Conditions.*;
 * db.aselect(Article.class).filter(or(Article_.views.gt(100), and(Article_.draft.isFalse(), not(Article_.title.isNull()))));
 * }</pre>
 */
public final class Conditions {

    private Conditions() {
    }

    /**
     * All conditions hold; none is always true.
     *
     * @param conditions the conditions
     * @return the conjunction
     */
    public static Condition and(Condition... conditions) {
        return and(Arrays.asList(conditions));
    }

    /**
     * All conditions hold; none is always true.
     *
     * @param conditions the conditions
     * @return the conjunction
     */
    public static Condition and(List<? extends Condition> conditions) {
        return Junction.of(Junction.Kind.AND, conditions);
    }

    /**
     * At least one condition holds; none is always false.
     *
     * @param conditions the conditions
     * @return the disjunction
     */
    public static Condition or(Condition... conditions) {
        return or(Arrays.asList(conditions));
    }

    /**
     * At least one condition holds; none is always false.
     *
     * @param conditions the conditions
     * @return the disjunction
     */
    public static Condition or(List<? extends Condition> conditions) {
        return Junction.of(Junction.Kind.OR, conditions);
    }

    /**
     * The condition does not hold.
     *
     * @param condition the condition
     * @return its negation
     */
    public static Condition not(Condition condition) {
        if (condition == null) {
            throw new IllegalArgumentException("not() needs a condition, not null");
        }
        return condition.not();
    }

    /**
     * The query set has a row: {@code EXISTS (SELECT 1 FROM ...)}. Its conditions may name the
     * outer query's entity, which correlates it:
     * {@code db.aselect(Group.class).filter(exists(db.aselect(Student.class).filter(Student_.group.eqAttribute(Group_.id))))}.
     *
     * @param query the inner query set; no limit, offset or lock
     * @return the condition
     * @throws IllegalArgumentException for null or a query set with a limit
     */
    public static Condition exists(AsyncQuerySet<?> query) {
        return new io.nextorm.query.Exists(Subqueries.of(query, null, "exists()"));
    }
}
