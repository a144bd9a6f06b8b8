package io.nextorm;

import io.nextorm.query.PropertyPath;

/**
 * A reference to another entity (a foreign key): compare it with an entity (by primary key), or
 * continue through it to the other entity's properties, which queries render as a join.
 *
 * <pre>{@code
 * db.aselect(Article.class).filter(Article_.author.eq(ann));
 * db.aselect(Article.class).filter(Article_.author.then(Author_.name).eq("ann"));
 * }</pre>
 *
 * @param <E> the entity the property is reached from
 * @param <R> the referenced entity
 */
public class ReferenceAttribute<E, R> extends SingularAttribute<E, R> {

    /**
     * Creates the attribute of a reference of an entity.
     *
     * @param entity the entity
     * @param name the property (field) name
     * @param target the referenced entity
     */
    public ReferenceAttribute(Class<E> entity, String name, Class<R> target) {
        super(entity, name, target);
    }

    /**
     * Creates an attribute at a path.
     *
     * @param target the referenced entity
     * @param path the path
     */
    protected ReferenceAttribute(Class<R> target, PropertyPath path) {
        super(target, path);
    }

    /**
     * A string property of the referenced entity.
     *
     * @param next the property, from the referenced entity's metamodel
     * @return the property reached through this reference
     */
    public StringAttribute<E> then(StringAttribute<R> next) {
        return new StringAttribute<>(path().then(next.path()));
    }

    /**
     * A numeric property of the referenced entity.
     *
     * @param next the property, from the referenced entity's metamodel
     * @param <V> the number type
     * @return the property reached through this reference
     */
    public <V extends Number & Comparable<? super V>> NumberAttribute<E, V> then(NumberAttribute<R, V> next) {
        return new NumberAttribute<>(next.valueType(), path().then(next.path()));
    }

    /**
     * A boolean property of the referenced entity.
     *
     * @param next the property, from the referenced entity's metamodel
     * @return the property reached through this reference
     */
    public BooleanAttribute<E> then(BooleanAttribute<R> next) {
        return new BooleanAttribute<>(path().then(next.path()));
    }

    /**
     * A reference of the referenced entity, to go further.
     *
     * @param next the reference, from the referenced entity's metamodel
     * @param <S> the entity it refers to
     * @return the reference reached through this reference
     */
    public <S> ReferenceAttribute<E, S> then(ReferenceAttribute<R, S> next) {
        return new ReferenceAttribute<>(next.valueType(), path().then(next.path()));
    }

    /**
     * Another comparable property (dates, times, UUIDs) of the referenced entity.
     *
     * @param next the property, from the referenced entity's metamodel
     * @param <V> the value type
     * @return the property reached through this reference
     */
    public <V extends Comparable<? super V>> ComparableAttribute<E, V> then(ComparableAttribute<R, V> next) {
        return new ComparableAttribute<>(next.valueType(), path().then(next.path()));
    }

    /**
     * Any other property of the referenced entity.
     *
     * @param next the property, from the referenced entity's metamodel
     * @param <V> the value type
     * @return the property reached through this reference
     */
    public <V> SingularAttribute<E, V> then(SingularAttribute<R, V> next) {
        return new SingularAttribute<>(next.valueType(), path().then(next.path()));
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
    public ReferenceAttribute<E, R> of(String alias) {
        return new ReferenceAttribute<>(valueType(), aliasedPath(alias));
    }
}
