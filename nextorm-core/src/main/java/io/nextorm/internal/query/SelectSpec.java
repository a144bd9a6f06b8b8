package io.nextorm.internal.query;

import io.nextorm.query.Condition;
import io.nextorm.query.Join;
import io.nextorm.query.OrderItem;
import io.nextorm.query.PropertyPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a query set says about its SELECT; each {@code with*} method returns a changed copy.
 *
 * @param entity the queried entity
 * @param where conditions that must all hold
 * @param orderBy the ordering
 * @param joins explicit joins
 * @param limit the maximum number of rows, or null
 * @param offset the number of rows to skip, or null
 * @param distinct SELECT DISTINCT
 * @param randomOrder order by the dialect's random function
 * @param lock the row lock requested
 * @param prefetch relations to load along with the results
 */
public record SelectSpec(Class<?> entity, List<Condition> where, List<OrderItem> orderBy, List<Join> joins,
                         Long limit, Long offset, boolean distinct, boolean randomOrder, Lock lock,
                         List<PropertyPath> prefetch) {

    /**
     * Checks and copies the parts.
     */
    public SelectSpec {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(lock, "lock");
        where = List.copyOf(where);
        orderBy = List.copyOf(orderBy);
        joins = List.copyOf(joins);
        prefetch = List.copyOf(prefetch);
    }

    /**
     * All rows of an entity.
     *
     * @param entity the entity
     * @return the unrestricted spec
     */
    public static SelectSpec of(Class<?> entity) {
        return new SelectSpec(entity, List.of(), List.of(), List.of(), null, null, false, false, Lock.NONE, List.of());
    }

    /**
     * With more conditions.
     *
     * @param conditions conditions that must hold as well
     * @return the changed copy
     */
    public SelectSpec withWhere(List<Condition> conditions) {
        return new SelectSpec(entity, concat(where, conditions), orderBy, joins, limit, offset, distinct, randomOrder,
                lock, prefetch);
    }

    /**
     * With more ordering keys, after the present ones.
     *
     * @param items ordering keys
     * @return the changed copy
     */
    public SelectSpec withOrderBy(List<OrderItem> items) {
        return new SelectSpec(entity, where, concat(orderBy, items), joins, limit, offset, distinct, false, lock,
                prefetch);
    }

    /**
     * With one more join.
     *
     * @param join the join
     * @return the changed copy
     */
    public SelectSpec withJoin(Join join) {
        return new SelectSpec(entity, where, orderBy, concat(joins, List.of(join)), limit, offset, distinct,
                randomOrder, lock, prefetch);
    }

    /**
     * With another limit and offset.
     *
     * @param newLimit the maximum number of rows, or null
     * @param newOffset rows to skip, or null
     * @return the changed copy
     */
    public SelectSpec withLimitOffset(Long newLimit, Long newOffset) {
        return new SelectSpec(entity, where, orderBy, joins, newLimit, newOffset, distinct, randomOrder, lock,
                prefetch);
    }

    /**
     * With or without DISTINCT.
     *
     * @param newDistinct whether to select distinct rows
     * @return the changed copy
     */
    public SelectSpec withDistinct(boolean newDistinct) {
        return new SelectSpec(entity, where, orderBy, joins, limit, offset, newDistinct, randomOrder, lock, prefetch);
    }

    /**
     * In random order, replacing any ordering.
     *
     * @return the changed copy
     */
    public SelectSpec withRandomOrder() {
        return new SelectSpec(entity, where, List.of(), joins, limit, offset, distinct, true, lock, prefetch);
    }

    /**
     * With a row lock.
     *
     * @param newLock the lock
     * @return the changed copy
     */
    public SelectSpec withLock(Lock newLock) {
        return new SelectSpec(entity, where, orderBy, joins, limit, offset, distinct, randomOrder, newLock, prefetch);
    }

    /**
     * With more relations to prefetch.
     *
     * @param paths the relation properties
     * @return the changed copy
     */
    public SelectSpec withPrefetch(List<PropertyPath> paths) {
        return new SelectSpec(entity, where, orderBy, joins, limit, offset, distinct, randomOrder, lock,
                concat(prefetch, paths));
    }

    private static <T> List<T> concat(List<T> first, List<? extends T> second) {
        if (first.isEmpty()) {
            // the usual first filter: one copy, which the constructor's List.copyOf keeps as it is
            return List.copyOf(second);
        }
        List<T> all = new ArrayList<>(first.size() + second.size());
        all.addAll(first);
        all.addAll(second);
        return all;
    }

    /** A row lock of a SELECT. */
    public enum Lock {
        /** No lock. */
        NONE,
        /** FOR UPDATE. */
        FOR_UPDATE,
        /** FOR UPDATE SKIP LOCKED. */
        FOR_UPDATE_SKIP_LOCKED
    }
}
