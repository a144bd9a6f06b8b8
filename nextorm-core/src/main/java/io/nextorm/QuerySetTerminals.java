package io.nextorm;

import io.nextorm.query.Assignment;
import io.nextorm.query.PropertyPath;
import io.nextorm.internal.query.SelectSpec;
import io.nextorm.internal.database.QueryOperations;
import io.nextorm.internal.sql.AggregateFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The terminal operations of a query set: fetching, counting, aggregates, bulk changes, raw SQL and
 * display. {@link AsyncQuerySet} is the public type; its builder steps live there, its terminal
 * operations here, each reading the query set's current spec.
 *
 * @param <T> the entity type
 */
abstract class QuerySetTerminals<T> {

    QuerySetTerminals() {
    }

    /** @return the operations of this query set's database and entity */
    abstract QueryOperations<T> operations();

    /** @return the query as built so far */
    abstract SelectSpec spec();

    /**
     * All rows.
     *
     * @return the objects, in query order
     */
    public Mono<List<T>> fetchAll() {
        return operations().rows(spec()).collectList();
    }

    /**
     * The first row.
     *
     * @return the first object, or empty
     */
    public Mono<T> fetchOne() {
        return operations().first(spec());
    }

    /**
     * All rows as a stream, with backpressure: the rows are fetched from the database 1,000 at a
     * time as they are demanded (a cursor where the driver has one) and mapped one by one, so a
     * result of millions of rows streams in flat memory; prefetches run per 1,000 objects.
     *
     * @return the objects, in query order
     */
    public Flux<T> stream() {
        return operations().stream(spec());
    }

    /**
     * The number of rows.
     *
     * @return the count
     */
    public Mono<Long> count() {
        return operations().count(spec());
    }

    /**
     * Whether there is a row.
     *
     * @return true when at least one row matches
     */
    public Mono<Boolean> exists() {
        return operations().exists(spec());
    }

    /**
     * The one matching row.
     *
     * @return the object, or empty when none matches
     * @throws MultipleObjectsFoundException (in the Mono) when two or more match
     */
    public Mono<T> get() {
        return operations().get(spec());
    }

    /**
     * The one matching row, which must exist.
     *
     * @return the object
     * @throws ObjectNotFoundException (in the Mono) when none matches
     * @throws MultipleObjectsFoundException (in the Mono) when two or more match
     */
    public Mono<T> getOrRaise() {
        return operations().getOrRaise(spec());
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
    public <V extends Number & Comparable<? super V>> ScalarQuery<V> sum(NumberAttribute<T, V> attribute) {
        return scalar(AggregateFunction.SUM, attribute, attribute == null ? null : attribute.valueType());
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
    public ScalarQuery<Double> avg(NumberAttribute<T, ?> attribute) {
        return scalar(AggregateFunction.AVG, attribute, Double.class);
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
    public <V extends Comparable<? super V>> ScalarQuery<V> min(ComparableAttribute<T, V> attribute) {
        return scalar(AggregateFunction.MIN, attribute, attribute == null ? null : attribute.valueType());
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
    public <V extends Comparable<? super V>> ScalarQuery<V> max(ComparableAttribute<T, V> attribute) {
        return scalar(AggregateFunction.MAX, attribute, attribute == null ? null : attribute.valueType());
    }

    /**
     * An aggregate that is also the scalar subquery computing it, for comparisons in other queries.
     */
    private <V> ScalarQuery<V> scalar(AggregateFunction function, Attribute<T, ?> attribute, Class<V> type) {
        Mono<V> value = aggregate(function, attribute, type);
        SelectSpec spec = spec();
        io.nextorm.query.Subquery subquery = null;
        if (spec.limit() == null && spec.offset() == null && !spec.distinct() && !spec.randomOrder()) {
            subquery = new io.nextorm.query.Subquery(spec.entity(), spec.where(), spec.joins(), new io.nextorm.query.Aggregate(
                    io.nextorm.query.Aggregate.Function.valueOf(function.name()), attribute.path(), false), null);
        }
        return new ScalarQuery<>(value, subquery);
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
        return operations().namedPath(method, attribute);
    }

    private <V> Mono<V> aggregate(AggregateFunction function, PropertyPath path, Class<V> type) {
        return operations().aggregate(spec(), function, path, type);
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
        return operations().stringAggregate(spec(), path, separator);
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
        return operations().bulkWrite(spec(), null);
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
        return operations().bulkWrite(spec(), operations().assignments(values));
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
        return operations().bulkWrite(spec(), operations().checked(Arrays.asList(assignments)));
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
        return operations().show(spec(), width, out);
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
        return operations().rawRows(sql, params).collectList();
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
        return operations().rawRows(sql, params).reduce((first, later) -> first);
    }

    /**
     * The SQL that {@link #fetchAll()} sends, with the driver's parameter markers.
     *
     * @return the SQL text
     */
    public String getSql() {
        return operations().sql(spec());
    }
}
