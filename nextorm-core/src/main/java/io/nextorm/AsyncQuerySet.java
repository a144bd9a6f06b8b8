package io.nextorm;

import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.PropertyKind;
import io.nextorm.internal.mapping.PropertyModel;
import io.nextorm.query.Condition;
import io.nextorm.query.Join;
import io.nextorm.query.JoinType;
import io.nextorm.query.OrderItem;
import io.nextorm.query.PropertyPath;
import io.nextorm.internal.query.SelectSpec;
import io.nextorm.internal.database.DatabaseState;
import io.nextorm.internal.database.QueryOperations;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An immutable query of one entity: each builder method returns a new query set, and the terminal
 * methods ({@link #fetchAll()}, {@link #count()}, ...) return a Mono or Flux that runs the query
 * when subscribed.
 *
 * <pre>{@code
 * AsyncQuerySet<Article> popular = db.aselect(Article.class).filter(Article_.views.gt(100));
 * Mono<List<Article>> page = popular.orderBy(Article_.title.asc()).page(2, 20).fetchAll();
 * Mono<Long> howMany = popular.count();                    // popular itself is unchanged
 * }</pre>
 *
 * <p>Joins: a condition through a reference ({@code Article_.author.then(Author_.name).eq("ann")})
 * becomes a LEFT JOIN that never repeats a row. An explicit {@link #join(Class, Condition) join} is
 * SQL's: joining the many side of a relation returns the queried object once per matching row; add
 * {@link #distinct()} to get each object once. {@link #count()}, the aggregates and
 * {@link #groupConcat(String, String)} work on the same rows as {@link #fetchAll()}.
 *
 * <p>Bulk writes ({@link #delete()}, {@link #update(Map)}) are one statement each: they call no
 * {@link EntityHooks} and leave a {@code @Version} column alone unless it is assigned.
 *
 * @param <T> the entity type
 */
public final class AsyncQuerySet<T> extends QuerySetTerminals<T> {

    static {
        io.nextorm.internal.database.QuerySetAccess.install(query -> query.spec);
    }

    private final QueryOperations<T> operations;
    private final DatabaseState db;
    private final Class<T> entityClass;
    private final SelectSpec spec;

    AsyncQuerySet(DatabaseState db, Class<T> entityClass) {
        this(new QueryOperations<>(db, entityClass), SelectSpec.of(entityClass));
    }

    private AsyncQuerySet(QueryOperations<T> operations, SelectSpec spec) {
        this.operations = operations;
        this.db = operations.state();
        this.entityClass = operations.entityClass();
        this.spec = spec;
    }

    /**
     * The entity queried.
     *
     * @return the entity class
     */
    public Class<T> entityClass() {
        return entityClass;
    }

    /**
     * Narrows to rows where every condition holds.
     *
     * @param conditions conditions built from the metamodel, e.g. {@code Article_.title.eq("x")}
     * @return the narrowed query set
     */
    public AsyncQuerySet<T> filter(Condition... conditions) {
        if (conditions == null) {
            throw new IllegalArgumentException("filter() needs conditions, got null");
        }
        for (Condition condition : conditions) {
            if (condition == null) {
                throw new IllegalArgumentException("filter() got a null condition");
            }
        }
        return with(spec.withWhere(Arrays.asList(conditions)));
    }

    /**
     * Narrows to rows for which a lambda holds, translated to SQL from its bytecode (never run in
     * memory).
     *
     * <pre>{@code
     * db.aselect(Article.class).where(a -> a.getViews() > 100 && a.getTitle().startsWith(prefix))
     * }</pre>
     *
     * @param predicate the lambda
     * @return the narrowed query set
     * @throws UnsupportedPredicateException when the lambda uses something with no SQL translation
     */
    public AsyncQuerySet<T> where(Where<T> predicate) {
        if (predicate == null) {
            throw new IllegalArgumentException("where() needs a lambda, got null");
        }
        return with(spec.withWhere(List.of(db.translate(predicate, entityClass))));
    }

    /**
     * Orders the rows, after any ordering already given.
     *
     * @param items ordering keys, e.g. {@code Article_.title.asc()}
     * @return the ordered query set
     */
    public AsyncQuerySet<T> orderBy(OrderItem... items) {
        if (items == null || Arrays.asList(items).contains(null)) {
            throw new IllegalArgumentException("orderBy() got a null ordering key");
        }
        return with(spec.withOrderBy(Arrays.asList(items)));
    }

    /**
     * At most {@code n} rows.
     *
     * @param n the maximum, zero or more
     * @return the limited query set
     */
    public AsyncQuerySet<T> limit(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("limit() needs zero or more rows, got " + n);
        }
        return with(spec.withLimitOffset(n, spec.offset()));
    }

    /**
     * Skips the first {@code n} rows.
     *
     * @param n rows to skip, zero or more
     * @return the offset query set
     */
    public AsyncQuerySet<T> offset(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("offset() needs zero or more rows, got " + n);
        }
        return with(spec.withLimitOffset(spec.limit(), n));
    }

    /**
     * One page of rows.
     *
     * @param pageNumber the page, from 1
     * @param pageSize rows per page, 1 or more
     * @return the query set of that page
     */
    public AsyncQuerySet<T> page(int pageNumber, int pageSize) {
        if (pageNumber < 1) {
            throw new IllegalArgumentException("page() numbers pages from 1, got " + pageNumber);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("page() needs a page size of 1 or more, got " + pageSize);
        }
        return with(spec.withLimitOffset((long) pageSize, (long) (pageNumber - 1) * pageSize));
    }

    /**
     * One page of ten rows.
     *
     * @param pageNumber the page, from 1
     * @return the query set of that page
     */
    public AsyncQuerySet<T> page(int pageNumber) {
        return page(pageNumber, 10);
    }

    /**
     * {@code n} rows in random order (the dialect's random function).
     *
     * @param n the number of rows, 1 or more
     * @return the query set
     */
    public AsyncQuerySet<T> random(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("random() needs 1 or more rows, got " + n);
        }
        return with(spec.withRandomOrder().withLimitOffset((long) n, null));
    }

    /**
     * SELECT DISTINCT.
     *
     * @return the query set
     */
    public AsyncQuerySet<T> distinct() {
        return with(spec.withDistinct(true));
    }

    /**
     * Undoes {@link #distinct()}.
     *
     * @return the query set
     */
    public AsyncQuerySet<T> withoutDistinct() {
        return with(spec.withDistinct(false));
    }

    /**
     * Inner-joins another entity, whose properties conditions and orderings can then use. Its
     * rows are not returned, but the queried object comes once per joined row: use
     * {@link #distinct()} to get each once.
     *
     * <pre>{@code
     * db.aselect(Author.class).join(Article.class, Article_.author.eqAttribute(Author_.id))
     *         .filter(Article_.views.gt(100L)).distinct()          // authors of a popular article
     * }</pre>
     *
     * @param entity the joined entity
     * @param on the join condition, e.g. {@code Article_.author.eqAttribute(Author_.id)}
     * @return the query set
     * @throws IllegalArgumentException for a null argument
     */
    public AsyncQuerySet<T> join(Class<?> entity, Condition on) {
        return join(entity, on, JoinType.INNER, null);
    }

    /**
     * Joins another entity. With an alias, the joined entity's properties are addressed through
     * it ({@code Author_.name.of("a")}); that is how one entity is joined twice, or the queried
     * entity to itself. A RIGHT JOIN row that has no row of the queried entity is left out: the
     * query returns objects of the queried entity.
     *
     * <pre>{@code
     * db.aselect(Article.class)
     *         .join(Author.class, Author_.id.of("a").eqAttribute(Article_.author), JoinType.LEFT, "a")
     *         .filter(Author_.email.of("a").isNull())
     * }</pre>
     *
     * @param entity the joined entity
     * @param on the join condition
     * @param joinType INNER, LEFT or RIGHT
     * @param alias the alias to address the joined entity by; null to address it by its class
     *              (then it is named {@code j1}, {@code j2}, ... in the SQL)
     * @return the query set
     * @throws IllegalArgumentException for a null entity, condition or type, a class that is not a
     *                                  mapped entity, a blank alias, or an alias of the form {@code t0},
     *                                  {@code t1}, ... (nextorm's own)
     */
    public AsyncQuerySet<T> join(Class<?> entity, Condition on, JoinType joinType, String alias) {
        if (entity == null || on == null || joinType == null) {
            throw new IllegalArgumentException("join() needs an entity, a condition and a join type, got "
                    + entity + ", " + on + ", " + joinType);
        }
        if (alias != null && alias.isBlank()) {
            throw new IllegalArgumentException("join() got a blank alias: give a name, or null for none");
        }
        db.mapping().entity(entity);
        return with(spec.withJoin(new Join(entity, on, joinType, alias)));
    }

    /**
     * Locks the selected rows until the transaction ends (SELECT ... FOR UPDATE). Only inside a
     * transaction (a session): outside one the lock would end with the statement, so the query
     * fails with a {@link TransactionException} when subscribed ({@link #getSql()} works anywhere).
     *
     * @return the query set
     */
    public AsyncQuerySet<T> forUpdate() {
        return forUpdate(false);
    }

    /**
     * Locks the selected rows, optionally skipping rows other transactions hold locked: a queue of
     * jobs that several workers take from. Like {@link #forUpdate()}, only inside a transaction;
     * a dialect without SKIP LOCKED refuses it with an {@link IllegalStateException} when rendered.
     *
     * @param skipLocked whether to skip locked rows (FOR UPDATE SKIP LOCKED)
     * @return the query set
     */
    public AsyncQuerySet<T> forUpdate(boolean skipLocked) {
        return with(spec.withLock(skipLocked ? SelectSpec.Lock.FOR_UPDATE_SKIP_LOCKED : SelectSpec.Lock.FOR_UPDATE));
    }

    /**
     * Loads relations of all results along with them: one extra query per attribute, never one per
     * object.
     *
     * @param attributes references or sets of the entity, e.g. {@code Article_.author, Article_.tags}
     * @return the query set
     */
    @SafeVarargs
    public final AsyncQuerySet<T> prefetch(Attribute<T, ?>... attributes) {
        if (attributes == null || Arrays.asList(attributes).contains(null)) {
            throw new IllegalArgumentException("prefetch() got a null attribute");
        }
        EntityModel<T> model = db.mapping().entity(entityClass);
        List<PropertyPath> paths = Arrays.stream(attributes).map(attribute -> {
            EntityModel<?> owner = model;
            for (String name : attribute.path().names()) {
                PropertyModel property = owner.property(name);
                if (!property.kind().isRelation()) {
                    throw new IllegalArgumentException("prefetch() takes references and sets (or paths of them, as in "
                            + "Customer_.address.then(Address_.city)); " + property + " is a column");
                }
                owner = property.target();
            }
            return attribute.path();
        }).toList();
        return with(spec.withPrefetch(paths));
    }

    @Override
    QueryOperations<T> operations() {
        return operations;
    }

    @Override
    SelectSpec spec() {
        return spec;
    }

    private AsyncQuerySet<T> with(SelectSpec changed) {
        return new AsyncQuerySet<>(operations, changed);
    }

    @Override
    public String toString() {
        return "AsyncQuerySet[" + entityClass.getSimpleName() + " " + spec + "]";
    }
}
