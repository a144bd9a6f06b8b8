package io.nextorm;

import io.nextorm.internal.mapping.KeyModel;
import io.nextorm.query.Comparison;
import io.nextorm.query.Condition;
import io.nextorm.query.Junction;
import io.nextorm.query.PropertyPath;
import io.nextorm.query.Value;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The PonyORM db_session side of an {@link AsyncDatabase}: sessions with {@link SessionOptions} and
 * lookups by key that a session answers from its identity map. {@code AsyncDatabase} is the public
 * type; these methods are part of it.
 */
abstract class DatabaseSessions extends DatabaseStatements {

    DatabaseSessions() {
    }

    /**
     * A query of all objects of an entity; see {@link AsyncDatabase#aselect(Class)}.
     *
     * @param entityClass the entity
     * @param <T> the entity type
     * @return the query set
     */
    public abstract <T> AsyncQuerySet<T> aselect(Class<T> entityClass);

    /**
     * The object of a key, as PonyORM's {@code Entity[key]}: inside a session an object the session
     * holds loaded (or added) is returned with no SQL; otherwise one SELECT by key. The same as
     * {@code aselect(type).filter(<key> == key).get()}, whose pure key condition also looks in the
     * identity map first.
     *
     * <pre>{@code
     * db.session(s -> db.getByKey(Article.class, 1L).doOnNext(a -> a.setTitle("new")))
     * }</pre>
     *
     * @param entityClass the entity
     * <p>For an entity with several {@code @PrimaryKey} fields the key is a {@code List} of their values
     * in field order; a reference part is given as the referenced object or as its key:
     * {@code db.getByKey(FilmActor.class, List.of(actor, film))} or {@code List.of(1, 7)}; for an
     * {@code @Embeddable} key it is the record: {@code db.getByKey(OrderLine.class, new OrderLineId(7, 1))}.
     *
     * @param key the key (an {@code Integer} finds a {@code Long} key too); a {@code List} for a composite key
     * @param <T> the entity type
     * @return the object, or empty when no row has the key
     * @throws IllegalArgumentException for a null class or key, a class that is not an entity, or a
     *         composite key that is not a list of one value per key field
     */
    public <T> Mono<T> getByKey(Class<T> entityClass, Object key) {
        if (entityClass == null || key == null) {
            throw new IllegalArgumentException("getByKey() needs an entity class and a key, got "
                    + (entityClass == null ? "no class" : "no key"));
        }
        AsyncQuerySet<T> query = aselect(entityClass);
        KeyModel keyModel = state.mapping().entity(entityClass).key();
        List<Object> values = keyModel.partValues(keyModel.fromGiven(key));
        List<Condition> parts = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            parts.add(new Comparison(new PropertyPath(entityClass, null, List.of(keyModel.parts().get(i).name())), Comparison.Operator.EQ,
                    new Value(values.get(i))));
        }
        return query.filter(parts.size() == 1 ? parts.get(0) : new Junction(Junction.Kind.AND, parts)).get();
    }

    /**
     * Runs work in a session: one transaction and an identity map, carried in the Reactor Context so
     * that every call of this database inside the work joins it. On success the session is flushed
     * and committed; on error it is rolled back, its identity map cleared, and the error passes on
     * unchanged; on cancellation it is rolled back. The connection goes back to the pool in every
     * case. A session inside a session of the same database joins the outer one.
     *
     * <pre>{@code
     * Mono<Article> renamed = db.session(s -> db.aselect(Article.class)
     *         .filter(Article_.id.eq(id)).getOrRaise()
     *         .doOnNext(a -> a.setTitle("new title")));   // one UPDATE of title, at the end
     *
     * Mono<Void> imported = db.session(s -> {
     *     rows.forEach(row -> s.add(new Article(row.title())));  // multi-row INSERTs at the end
     *     return Mono.empty();
     * });
     * }</pre>
     *
     * @param work the work, given the session
     * @param <T> the result type
     * @return the last element the work's publisher emits (for a Mono, its value)
     */
    public <T> Mono<T> session(Function<DbSession, ? extends Publisher<T>> work) {
        return Mono.defer(() -> state.runtime().sessions().session(work));
    }

    /**
     * Runs work in a session with options, as PonyORM's {@code db_session(retry=3)}: see
     * {@link SessionOptions}. Each retry is a new session: a new transaction and an empty identity map.
     *
     * <pre>{@code
     * db.session(SessionOptions.retry(3).on(OptimisticCheckException.class),
     *         s -> db.getByKey(Counter.class, 1L).doOnNext(c -> c.value++));
     * }</pre>
     *
     * @param options retry, read-only
     * @param work the work, given the session
     * @param <T> the result type
     * @return the last element the work's publisher emits
     * @throws IllegalArgumentException (in the Mono) for null options or work
     */
    public <T> Mono<T> session(SessionOptions options, Function<DbSession, ? extends Publisher<T>> work) {
        return Mono.defer(() -> state.runtime().sessions().session(options, work));
    }
}
