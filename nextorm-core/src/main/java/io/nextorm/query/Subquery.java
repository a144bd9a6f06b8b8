package io.nextorm.query;

import java.util.List;
import java.util.Objects;

/**
 * A nested SELECT: the rows of {@code entity} that satisfy {@code where}, selecting one expression.
 * As an expression it is a scalar subquery {@code (SELECT AVG(gpa) FROM student ...)}; it is also the
 * operand of {@link Exists} and {@link InSubquery}.
 *
 * <p>With a {@code relation} it is correlated: its rows are the elements of that {@code Set}
 * property of the enclosing query's current row ({@code Group.students} gives the students of
 * the group being tested), which is how {@code Group_.students.count()} and
 * {@code g.getStudents().stream().anyMatch(...)} are written.
 *
 * @param entity the entity the subquery selects from (the relation's element entity when correlated)
 * @param where conditions on its rows, with paths rooted at {@code entity}
 * @param joins explicit joins of the subquery
 * @param selected what it selects; null for the entity's primary key
 * @param relation the Set property of the enclosing query's entity it is correlated through, or null
 */
public record Subquery(Class<?> entity, List<Condition> where, List<Join> joins, Expression selected,
                       PropertyPath relation) implements Expression {

    /**
     * Checks and copies the parts.
     */
    public Subquery {
        Objects.requireNonNull(entity, "entity");
        where = List.copyOf(where);
        joins = List.copyOf(joins);
    }

    /**
     * The elements of a {@code Set} relation of the enclosing row that satisfy a condition.
     *
     * @param relation the Set property, rooted at the enclosing query's entity
     * @param element the element entity
     * @param condition a condition on the elements, or null for all of them
     * @param selected what to select, or null for the key
     * @return the correlated subquery
     */
    public static Subquery ofRelation(PropertyPath relation, Class<?> element, Condition condition, Expression selected) {
        return new Subquery(element, condition == null ? List.of() : List.of(condition), List.of(), selected, relation);
    }

    /**
     * The same subquery selecting another expression.
     *
     * @param newSelected what to select
     * @return the changed copy
     */
    public Subquery selecting(Expression newSelected) {
        return new Subquery(entity, where, joins, newSelected, relation);
    }
}
