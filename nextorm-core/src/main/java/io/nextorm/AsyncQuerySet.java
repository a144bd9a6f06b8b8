package io.nextorm;

import io.nextorm.mapping.EntityModel;
import io.nextorm.mapping.PropertyKind;
import io.nextorm.mapping.PropertyModel;
import io.nextorm.query.Condition;
import io.nextorm.query.Join;
import io.nextorm.query.JoinType;
import io.nextorm.query.OrderItem;
import io.nextorm.query.PropertyPath;
import io.nextorm.query.SelectSpec;
import io.nextorm.session.DatabaseRuntime;
import io.nextorm.sql.SqlStatement;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.List;

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
 * @param <T> the entity type
 */
public final class AsyncQuerySet<T> {

    private final AsyncDatabase db;
    private final Class<T> entityClass;
    private final SelectSpec spec;

    AsyncQuerySet(AsyncDatabase db, Class<T> entityClass, SelectSpec spec) {
        this.db = db;
        this.entityClass = entityClass;
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
     * What this query set selects, as a tree.
     *
     * @return the select spec
     */
    public SelectSpec spec() {
        return spec;
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
     * Inner-joins another entity.
     *
     * @param entity the joined entity
     * @param on the join condition, e.g. {@code Comment_.article.eq(Article_.id)}
     * @return the query set
     */
    public AsyncQuerySet<T> join(Class<?> entity, Condition on) {
        return join(entity, on, JoinType.INNER, null);
    }

    /**
     * Joins another entity.
     *
     * @param entity the joined entity
     * @param on the join condition
     * @param joinType INNER, LEFT or RIGHT
     * @param alias the alias to address the joined entity by (null: by its class)
     * @return the query set
     */
    public AsyncQuerySet<T> join(Class<?> entity, Condition on, JoinType joinType, String alias) {
        if (entity == null || on == null || joinType == null) {
            throw new IllegalArgumentException("join() needs an entity, a condition and a join type");
        }
        return with(spec.withJoin(new Join(entity, on, joinType, alias)));
    }

    /**
     * Locks the selected rows until the transaction ends (SELECT ... FOR UPDATE).
     *
     * @return the query set
     */
    public AsyncQuerySet<T> forUpdate() {
        return forUpdate(false);
    }

    /**
     * Locks the selected rows, optionally skipping rows other transactions hold locked.
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
        EntityModel<T> model = db.runtimeMapping().entity(entityClass);
        List<PropertyPath> paths = Arrays.stream(attributes).map(attribute -> {
            PropertyModel property = model.property(attribute.name());
            if (property.kind() != PropertyKind.REFERENCE && property.kind() != PropertyKind.SET) {
                throw new IllegalArgumentException("prefetch() takes references and sets; " + property + " is a column");
            }
            return attribute.path();
        }).toList();
        return with(spec.withPrefetch(paths));
    }

    /**
     * All rows.
     *
     * @return the objects, in query order
     */
    public Mono<List<T>> fetchAll() {
        return stream().collectList();
    }

    /**
     * The first row.
     *
     * @return the first object, or empty
     */
    public Mono<T> fetchOne() {
        return Flux.defer(() -> runtime().<T>select(spec.limit() == null ? spec.withLimitOffset(1L, spec.offset()) : spec))
                .next();
    }

    /**
     * All rows as a stream, with backpressure.
     *
     * @return the objects, in query order
     */
    public Flux<T> stream() {
        return Flux.defer(() -> runtime().select(spec));
    }

    /**
     * The number of rows.
     *
     * @return the count
     */
    public Mono<Long> count() {
        return Mono.defer(() -> {
            DatabaseRuntime rt = runtime();
            return rt.selectValue(rt.renderer().count(spec), Long.class).defaultIfEmpty(0L);
        });
    }

    /**
     * Whether there is a row.
     *
     * @return true when at least one row matches
     */
    public Mono<Boolean> exists() {
        return Mono.defer(() -> {
            DatabaseRuntime rt = runtime();
            return rt.selectValue(rt.renderer().exists(spec), Integer.class).hasElement();
        });
    }

    /**
     * The one matching row.
     *
     * @return the object, or empty when none matches
     * @throws MultipleObjectsFoundException (in the Mono) when two or more match
     */
    public Mono<T> get() {
        return Flux.defer(() -> runtime().<T>select(spec.withLimitOffset(2L, spec.offset())))
                .collectList()
                .flatMap(found -> {
                    if (found.size() > 1) {
                        return Mono.error(new MultipleObjectsFoundException("More than one " + entityClass.getSimpleName()
                                + " matches " + describe() + ": narrow the query, or use fetchOne() for the first"));
                    }
                    return Mono.justOrEmpty(found.isEmpty() ? null : found.get(0));
                });
    }

    /**
     * The one matching row, which must exist.
     *
     * @return the object
     * @throws ObjectNotFoundException (in the Mono) when none matches
     * @throws MultipleObjectsFoundException (in the Mono) when two or more match
     */
    public Mono<T> getOrRaise() {
        return get().switchIfEmpty(Mono.error(() -> new ObjectNotFoundException("No " + entityClass.getSimpleName()
                + " matches " + describe())));
    }

    /**
     * SUM of a property.
     *
     * @param attribute the property name
     * @return the sum, empty when no row matches
     */
    public Mono<Object> sum(String attribute) {
        return aggregate("SUM", attribute, null);
    }

    /**
     * SUM of a property.
     *
     * @param attribute the property
     * @param <V> the number type
     * @return the sum (in the property's type), empty when no row matches
     */
    public <V extends Number & Comparable<? super V>> Mono<V> sum(NumberAttribute<T, V> attribute) {
        return aggregate("SUM", attribute, attribute.valueType());
    }

    /**
     * AVG of a property.
     *
     * @param attribute the property name
     * @return the average as a double, empty when no row matches
     */
    public Mono<Double> avg(String attribute) {
        return aggregate("AVG", attribute, Double.class);
    }

    /**
     * AVG of a property.
     *
     * @param attribute the property
     * @return the average as a double, empty when no row matches
     */
    public Mono<Double> avg(NumberAttribute<T, ?> attribute) {
        return aggregate("AVG", attribute, Double.class);
    }

    /**
     * MIN of a property.
     *
     * @param attribute the property name
     * @return the minimum, empty when no row matches
     */
    public Mono<Object> min(String attribute) {
        return aggregate("MIN", attribute, null);
    }

    /**
     * MIN of a property.
     *
     * @param attribute the property
     * @param <V> the value type
     * @return the minimum, empty when no row matches
     */
    public <V extends Comparable<? super V>> Mono<V> min(ComparableAttribute<T, V> attribute) {
        return aggregate("MIN", attribute, attribute.valueType());
    }

    /**
     * MAX of a property.
     *
     * @param attribute the property name
     * @return the maximum, empty when no row matches
     */
    public Mono<Object> max(String attribute) {
        return aggregate("MAX", attribute, null);
    }

    /**
     * MAX of a property.
     *
     * @param attribute the property
     * @param <V> the value type
     * @return the maximum, empty when no row matches
     */
    public <V extends Comparable<? super V>> Mono<V> max(ComparableAttribute<T, V> attribute) {
        return aggregate("MAX", attribute, attribute.valueType());
    }

    private <V> Mono<V> aggregate(String function, Attribute<T, ?> attribute, Class<V> type) {
        if (attribute == null) {
            throw new IllegalArgumentException(function.toLowerCase() + "() needs an attribute, got null");
        }
        return aggregate(function, attribute.path(), type);
    }

    @SuppressWarnings("unchecked")
    private <V> Mono<V> aggregate(String function, String attribute, Class<V> type) {
        if (attribute == null || attribute.isBlank()) {
            throw new IllegalArgumentException(function.toLowerCase() + "() needs an attribute name");
        }
        return aggregate(function, new PropertyPath(entityClass, null, List.of(attribute.split("\\."))), type);
    }

    @SuppressWarnings("unchecked")
    private <V> Mono<V> aggregate(String function, PropertyPath path, Class<V> type) {
        return Mono.defer(() -> {
            DatabaseRuntime rt = runtime();
            PropertyModel property = rt.renderer().resolve(spec, path);
            Class<?> valueType = type != null ? type
                    : property.kind() == PropertyKind.REFERENCE ? property.target().id().valueType() : property.valueType();
            if (("SUM".equals(function) || "AVG".equals(function)) && !Number.class.isAssignableFrom(valueType)) {
                throw new IllegalArgumentException(function.toLowerCase() + "() needs a numeric property; " + property
                        + " is a " + property.valueType().getSimpleName());
            }
            SqlStatement statement = rt.renderer().aggregate(spec, function, path);
            return (Mono<V>) rt.selectValue(statement, valueType);
        });
    }

    /**
     * The SQL that {@link #fetchAll()} sends, with the driver's parameter markers.
     *
     * @return the SQL text
     */
    public String getSql() {
        return runtime().renderer().select(spec).sql();
    }

    private DatabaseRuntime runtime() {
        return db.runtime();
    }

    /** The query as SQL text: it names the conditions without their (possibly sensitive) values. */
    private String describe() {
        return runtime().renderer().select(spec).sql();
    }

    private AsyncQuerySet<T> with(SelectSpec changed) {
        return new AsyncQuerySet<>(db, entityClass, changed);
    }

    @Override
    public String toString() {
        return "AsyncQuerySet[" + entityClass.getSimpleName() + " " + spec + "]";
    }
}
