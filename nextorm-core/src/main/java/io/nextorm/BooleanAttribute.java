package io.nextorm;

import io.nextorm.query.Condition;
import io.nextorm.query.PropertyPath;

/**
 * A boolean property: {@code Article_.published.isTrue()}.
 *
 * @param <E> the entity the property is reached from
 */
public class BooleanAttribute<E> extends SingularAttribute<E, Boolean> {

    /**
     * Creates the attribute of a property of an entity.
     *
     * @param entity the entity
     * @param name the property (field) name
     */
    public BooleanAttribute(Class<E> entity, String name) {
        super(entity, name, Boolean.class);
    }

    /**
     * Creates an attribute at a path.
     *
     * @param path the path
     */
    protected BooleanAttribute(PropertyPath path) {
        super(Boolean.class, path);
    }

    /**
     * The value is true.
     *
     * @return the condition
     */
    public Condition isTrue() {
        return eq(Boolean.TRUE);
    }

    /**
     * The value is false.
     *
     * @return the condition
     */
    public Condition isFalse() {
        return eq(Boolean.FALSE);
    }

    /**
     * This property on the entity joined under an alias, for queries that join an entity more than
     * once or join the queried entity to itself:
     * {@code db.aselect(Article.class).join(Author.class, Author_.id.of("a").eqAttribute(Article_.author), JoinType.INNER, "a")
     * .filter(Author_.name.of("a").eq("ann"))}.
     *
     * @param alias the alias given to the join
     * @return the same property, addressed through the alias
     * @throws IllegalArgumentException for a null or blank alias
     */
    public BooleanAttribute<E> of(String alias) {
        return new BooleanAttribute<>(aliasedPath(alias));
    }
}
