package io.nextorm;

import io.nextorm.query.Condition;
import io.nextorm.query.Like;
import io.nextorm.query.PropertyPath;

/**
 * A string property: comparisons plus pattern matching. {@link #startsWith}, {@link #endsWith} and
 * {@link #contains} match their argument literally ({@code %} and {@code _} in it are no wildcards);
 * {@link #like} takes an SQL pattern.
 *
 * <pre>{@code
 * Article_.title.startsWith("100%")      // titles that begin with the four characters 1, 0, 0, %
 * Article_.title.like("Re%: _")          // SQL LIKE
 * }</pre>
 *
 * @param <E> the entity the property is reached from
 */
public class StringAttribute<E> extends ComparableAttribute<E, String> {

    /**
     * Creates the attribute of a property of an entity.
     *
     * @param entity the entity
     * @param name the property (field) name
     */
    public StringAttribute(Class<E> entity, String name) {
        super(entity, name, String.class);
    }

    /**
     * Creates an attribute at a path.
     *
     * @param path the path
     */
    protected StringAttribute(PropertyPath path) {
        super(String.class, path);
    }

    /**
     * Matches an SQL LIKE pattern: {@code %} any run of characters, {@code _} one character, a
     * backslash escapes the next character.
     *
     * @param pattern the pattern, not null
     * @return the condition
     */
    public Condition like(String pattern) {
        return new Like(path(), requireText("like", pattern), false);
    }

    /**
     * Does not match an SQL LIKE pattern.
     *
     * @param pattern the pattern, not null
     * @return the condition
     */
    public Condition notLike(String pattern) {
        return new Like(path(), requireText("notLike", pattern), true);
    }

    /**
     * Begins with a text, taken literally.
     *
     * @param prefix the prefix, not null
     * @return the condition
     */
    public Condition startsWith(String prefix) {
        return new Like(path(), Like.escape(requireText("startsWith", prefix)) + "%", false);
    }

    /**
     * Ends with a text, taken literally.
     *
     * @param suffix the suffix, not null
     * @return the condition
     */
    public Condition endsWith(String suffix) {
        return new Like(path(), "%" + Like.escape(requireText("endsWith", suffix)), false);
    }

    /**
     * Contains a text, taken literally.
     *
     * @param text the text, not null
     * @return the condition
     */
    public Condition contains(String text) {
        return new Like(path(), "%" + Like.escape(requireText("contains", text)) + "%", false);
    }

    private String requireText(String method, String text) {
        if (text == null) {
            throw new IllegalArgumentException(method + "() of " + this + " needs a text, not null; use isNull()");
        }
        return text;
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
    public StringAttribute<E> of(String alias) {
        return new StringAttribute<>(aliasedPath(alias));
    }
}
