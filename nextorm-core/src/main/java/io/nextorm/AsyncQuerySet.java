package io.nextorm;


import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.PropertyKind;
import io.nextorm.internal.mapping.PropertyModel;
import io.nextorm.query.Assignment;
import io.nextorm.query.Condition;
import io.nextorm.query.Join;
import io.nextorm.query.JoinType;
import io.nextorm.query.OrderItem;
import io.nextorm.query.PropertyPath;
import io.nextorm.internal.query.SelectSpec;
import io.nextorm.internal.database.DatabaseState;
import io.nextorm.internal.database.QueryOperations;
import io.nextorm.internal.sql.AggregateFunction;
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
public final class AsyncQuerySet<T> {

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
        return operations.rows(spec.limit() == null ? spec.withLimitOffset(1L, spec.offset()) : spec).next();
    }

    /**
     * All rows as a stream, with backpressure.
     *
     * @return the objects, in query order
     */
    public Flux<T> stream() {
        return operations.rows(spec);
    }

    /**
     * The number of rows.
     *
     * @return the count
     */
    public Mono<Long> count() {
        return operations.count(spec);
    }

    /**
     * Whether there is a row.
     *
     * @return true when at least one row matches
     */
    public Mono<Boolean> exists() {
        return operations.exists(spec);
    }

    /**
     * The one matching row.
     *
     * @return the object, or empty when none matches
     * @throws MultipleObjectsFoundException (in the Mono) when two or more match
     */
    public Mono<T> get() {
        return operations.get(spec);
    }

    /**
     * The one matching row, which must exist.
     *
     * @return the object
     * @throws ObjectNotFoundException (in the Mono) when none matches
     * @throws MultipleObjectsFoundException (in the Mono) when two or more match
     */
    public Mono<T> getOrRaise() {
        return operations.getOrRaise(spec);
    }

    /**
     * SUM of a property.
     *
     * @param attribute the property name, or a path through references ({@code "author.name"})
     * @return the sum, empty when no row matches
     * @throws IllegalArgumentException for a null or blank name; (in the Mono) for an unknown one, or a
     *                                  property that is not a number
     */
    public Mono<Object> sum(String attribute) {
        return aggregate(AggregateFunction.SUM, attribute, null);
    }

    /**
     * SUM of a property.
     *
     * @param attribute the property
     * @param <V> the number type
     * @return the sum (in the property's type), empty when no row matches
     */
    public <V extends Number & Comparable<? super V>> Mono<V> sum(NumberAttribute<T, V> attribute) {
        return aggregate(AggregateFunction.SUM, attribute, attribute == null ? null : attribute.valueType());
    }

    /**
     * AVG of a property.
     *
     * @param attribute the property name, or a path through references ({@code "author.name"})
     * @return the average as a double, empty when no row matches
     * @throws IllegalArgumentException for a null or blank name; (in the Mono) for an unknown one, or a
     *                                  property that is not a number
     */
    public Mono<Double> avg(String attribute) {
        return aggregate(AggregateFunction.AVG, attribute, Double.class);
    }

    /**
     * AVG of a property.
     *
     * @param attribute the property
     * @return the average as a double, empty when no row matches
     */
    public Mono<Double> avg(NumberAttribute<T, ?> attribute) {
        return aggregate(AggregateFunction.AVG, attribute, Double.class);
    }

    /**
     * MIN of a property.
     *
     * @param attribute the property name, or a path through references ({@code "author.name"})
     * @return the minimum, empty when no row matches
     * @throws IllegalArgumentException for a null or blank name; (in the Mono) for an unknown one
     */
    public Mono<Object> min(String attribute) {
        return aggregate(AggregateFunction.MIN, attribute, null);
    }

    /**
     * MIN of a property.
     *
     * @param attribute the property
     * @param <V> the value type
     * @return the minimum, empty when no row matches
     */
    public <V extends Comparable<? super V>> Mono<V> min(ComparableAttribute<T, V> attribute) {
        return aggregate(AggregateFunction.MIN, attribute, attribute == null ? null : attribute.valueType());
    }

    /**
     * MAX of a property.
     *
     * @param attribute the property name, or a path through references ({@code "author.name"})
     * @return the maximum, empty when no row matches
     * @throws IllegalArgumentException for a null or blank name; (in the Mono) for an unknown one
     */
    public Mono<Object> max(String attribute) {
        return aggregate(AggregateFunction.MAX, attribute, null);
    }

    /**
     * MAX of a property.
     *
     * @param attribute the property
     * @param <V> the value type
     * @return the maximum, empty when no row matches
     */
    public <V extends Comparable<? super V>> Mono<V> max(ComparableAttribute<T, V> attribute) {
        return aggregate(AggregateFunction.MAX, attribute, attribute == null ? null : attribute.valueType());
    }

    private <V> Mono<V> aggregate(AggregateFunction function, Attribute<T, ?> attribute, Class<V> type) {
        if (attribute == null) {
            throw new IllegalArgumentException(function.method() + "() needs an attribute, got null");
        }
        return aggregate(function, attribute.path(), type);
    }

    private <V> Mono<V> aggregate(AggregateFunction function, String attribute, Class<V> type) {
        return aggregate(function, namedPath(function.method(), attribute), type);
    }

    private PropertyPath namedPath(String method, String attribute) {
        return operations.namedPath(method, attribute);
    }

    private <V> Mono<V> aggregate(AggregateFunction function, PropertyPath path, Class<V> type) {
        return operations.aggregate(spec, function, path, type);
    }

    /**
     * The values of a property joined into one string with commas: {@code groupConcat(attribute, ",")}.
     *
     * @param attribute the property name, or a path through references ({@code "author.name"})
     * @return the values in ascending order, joined; empty when no row matches or every value is NULL
     * @throws IllegalArgumentException for a null or blank name; (in the Mono) for an unknown one
     */
    public Mono<String> groupConcat(String attribute) {
        return groupConcat(attribute, ",");
    }

    /**
     * The non-NULL values of a property joined into one string: GROUP_CONCAT, STRING_AGG or LISTAGG,
     * whichever the database has. The separator is bound as a parameter, never written into the SQL.
     *
     * <pre>{@code
     * Mono<String> titles = db.aselect(Article.class).filter(Article_.draft.isFalse()).groupConcat("title", "; ");
     * }</pre>
     *
     * @param attribute the property name, or a path through references ({@code "author.name"})
     * @param separator what to put between two values, not null
     * @return the values in ascending order, joined; empty when no row matches or every value is NULL
     * @throws IllegalArgumentException for a null or blank name or a null separator; (in the Mono)
     *                                  for an unknown name
     */
    public Mono<String> groupConcat(String attribute, String separator) {
        PropertyPath path = namedPath("groupConcat", attribute);
        if (separator == null) {
            throw new IllegalArgumentException("groupConcat() needs a separator, got null; use \"\" for none");
        }
        return stringAggregate(path, separator);
    }

    /**
     * The non-NULL values of a property joined into one string, as {@link #groupConcat(String, String)}.
     *
     * @param attribute the property, e.g. {@code Article_.title}
     * @param separator what to put between two values, not null
     * @return the values in ascending order, joined; empty when no row matches or every value is NULL
     * @throws IllegalArgumentException for a null attribute or separator
     */
    public Mono<String> groupConcat(SingularAttribute<T, ?> attribute, String separator) {
        if (attribute == null || separator == null) {
            throw new IllegalArgumentException("groupConcat() needs an attribute and a separator, got "
                    + attribute + " and " + separator);
        }
        return stringAggregate(attribute.path(), separator);
    }

    private Mono<String> stringAggregate(PropertyPath path, String separator) {
        return operations.stringAggregate(spec, path, separator);
    }

    /**
     * Deletes the rows this query set selects, in one statement (paging and random order choose the
     * rows; ordering alone is ignored). Entity hooks are not called and no object is loaded; inside a
     * session, the session is told so that its objects stay consistent.
     *
     * <pre>{@code
     * Mono<Long> deleted = db.aselect(Article.class).filter(Article_.author.then(Author_.name).eq("ann")).delete();
     * }</pre>
     *
     * @return the number of rows deleted
     */
    public Mono<Long> delete() {
        return operations.bulkWrite(spec, null);
    }

    /**
     * Updates the rows this query set selects, in one statement: {@code update(Map.of("views", 0L,
     * "draft", true))}. Values are bound like any other; a reference takes an object (saved, so with
     * a key) or null. Entity hooks are not called, and a {@code @Version} column changes only when
     * assigned.
     *
     * @param values property name to new value
     * @return the number of rows updated
     * @throws IllegalArgumentException for no values, an unknown name (the message lists the
     *                                  properties), the key, a set, or a value of the wrong type
     */
    public Mono<Long> update(Map<String, ?> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("update() needs at least one property name and value, got " + values);
        }
        return operations.bulkWrite(spec, operations.assignments(values));
    }

    /**
     * Updates the rows this query set selects, in one statement, with typed assignments:
     * {@code update(Article_.views.set(0L), Article_.version.increment(1L))}. As {@link #update(Map)}.
     *
     * @param assignments what to set, each on a property of this query's entity, each property once
     * @return the number of rows updated
     * @throws IllegalArgumentException for none, a null one, a property of another entity, the key,
     *                                  or a property assigned twice
     */
    public Mono<Long> update(Assignment... assignments) {
        if (assignments == null || assignments.length == 0 || Arrays.asList(assignments).contains(null)) {
            throw new IllegalArgumentException("update() needs one or more assignments, e.g. Article_.views.set(0L)");
        }
        return operations.bulkWrite(spec, operations.checked(Arrays.asList(assignments)));
    }

    /**
     * Prints the rows as a plain-text table of at most 120 characters a line to {@code System.out}.
     *
     * @return completion, after printing
     * @see #ashow(int, Appendable)
     */
    public Mono<Void> ashow() {
        return ashow(120, System.out);
    }

    /**
     * Writes the rows as a plain-text table: a header of property names, a rule of dashes, one line
     * per object. Lazy fields and sets are left out, a reference is shown as {@code Author[1]} and a
     * NULL as {@code null}; when the table is wider than {@code width}, the widest columns are
     * narrowed and their cut cells end in {@code ...}.
     *
     * <pre>{@code
     * id | title | views
     * ---+-------+------
     * 1  | Hello | 10
     * }</pre>
     *
     * @param width the maximum line length, 10 or more
     * @param out where to write
     * @return completion, after writing; an {@link java.io.IOException} of {@code out} arrives as an
     *         {@link java.io.UncheckedIOException}
     * @throws IllegalArgumentException for a width under 10 or a null output
     */
    public Mono<Void> ashow(int width, Appendable out) {
        if (width < 10) {
            throw new IllegalArgumentException("ashow() needs a width of 10 or more, got " + width);
        }
        if (out == null) {
            throw new IllegalArgumentException("ashow() needs an Appendable to write to, got null");
        }
        return operations.show(spec, width, out);
    }

    /**
     * Runs hand-written SQL and maps its rows to objects of this entity by column label, without
     * regard to case: a label is a column name ({@code author_id}) or a property name ({@code author}).
     * Columns that name no property are ignored; properties without a column keep the value of a new
     * object (a partial object), lazy fields become not loaded unless their column is present. The
     * key column is required. Rows pass through the session like other queries', so inside one the
     * same row gives the same object (and an object already loaded keeps its state). The query set's
     * own conditions play no part.
     *
     * <pre>{@code
     * db.aselect(Article.class).raw("SELECT * FROM article WHERE views > ? ORDER BY id", List.of(100))
     * }</pre>
     *
     * @param sql the SQL, with {@code ?} placeholders on every database
     * @param params one value per {@code ?}; null for none
     * @return the objects, in the result's order
     * @throws IllegalArgumentException for null or blank SQL; (in the Mono) when the number of
     *                                  placeholders and values differ
     * @throws MappingException (in the Mono) when the result has no key column, or a row a NULL key
     */
    public Mono<List<T>> raw(String sql, List<?> params) {
        return operations.rawRows(sql, params).collectList();
    }

    /**
     * The first object of hand-written SQL, mapped as by {@link #raw(String, List)}; the rest of the
     * result is not read.
     *
     * @param sql the SQL, with {@code ?} placeholders on every database
     * @param params one value per {@code ?}; null for none
     * @return the first object, or empty when there is no row
     * @throws IllegalArgumentException as {@link #raw(String, List)}
     * @throws MappingException as {@link #raw(String, List)}
     */
    public Mono<T> rawOne(String sql, List<?> params) {
        return operations.rawRows(sql, params).next();
    }

    /**
     * The SQL that {@link #fetchAll()} sends, with the driver's parameter markers.
     *
     * @return the SQL text
     */
    public String getSql() {
        return operations.sql(spec);
    }

    private AsyncQuerySet<T> with(SelectSpec changed) {
        return new AsyncQuerySet<>(operations, changed);
    }

    @Override
    public String toString() {
        return "AsyncQuerySet[" + entityClass.getSimpleName() + " " + spec + "]";
    }
}
