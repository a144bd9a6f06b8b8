package io.nextorm;

/**
 * The session a {@link AsyncDatabase#session(java.util.function.Function)} call runs in: one
 * transaction plus an identity map. Every {@code db} call inside the session's publisher joins it.
 *
 * <pre>{@code
 * db.session(s -> db.aselect(Article.class).filter(Article_.id.eq(1L)).getOrRaise()
 *         .doOnNext(a -> a.setTitle("new title")))      // written at the end of the session
 * }</pre>
 */
public interface DbSession {

    /**
     * Schedules a new object for INSERT at the next flush (at {@code aflush}, {@code acommit} or the
     * session's end), after the objects it refers to.
     *
     * @param entity a new entity
     * @param <T> the entity type
     * @return the same entity
     * @throws IllegalArgumentException when it is not an entity of this database
     */
    <T> T add(T entity);

    /**
     * Whether an object belongs to this session's identity map.
     *
     * @param entity an object
     * @return true when the session loaded or added it
     */
    boolean contains(Object entity);
}
