package io.nextorm;

/**
 * Lifecycle hooks an entity may implement; each default does nothing. They run around every write,
 * in sessions and outside them: {@code before*} right before the statement (an exception there
 * cancels the write), {@code after*} once it succeeded. Inside a session, a flush first calls the
 * before-hooks of all pending objects, then writes, then calls the after-hooks (PonyORM's order).
 *
 * <pre>{@code
 * @Entity
 * public class Article implements EntityHooks {
 *     LocalDateTime updated;
 *     public void beforeUpdate() { updated = LocalDateTime.now(); }
 * }
 * }</pre>
 */
public interface EntityHooks {

    /** Called before the entity's INSERT. */
    default void beforeInsert() {
    }

    /** Called after the entity's INSERT, with the generated key already set. */
    default void afterInsert() {
    }

    /** Called before the entity's UPDATE. */
    default void beforeUpdate() {
    }

    /** Called after the entity's UPDATE. */
    default void afterUpdate() {
    }

    /** Called before the entity's DELETE. */
    default void beforeDelete() {
    }

    /** Called after the entity's DELETE. */
    default void afterDelete() {
    }
}
