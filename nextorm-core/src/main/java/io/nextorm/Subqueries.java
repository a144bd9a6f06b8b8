package io.nextorm;

import io.nextorm.internal.query.SelectSpec;
import io.nextorm.query.Expression;
import io.nextorm.query.Subquery;

/**
 * Turns a query set into the {@link Subquery} of a condition: {@code in(queryset)},
 * {@code Conditions.exists(queryset)}, a scalar aggregate.
 */
final class Subqueries {

    private Subqueries() {
    }

    static Subquery of(AsyncQuerySet<?> query, Expression selected, String method) {
        if (query == null) {
            throw new IllegalArgumentException(method + " needs a query set, got null");
        }
        SelectSpec spec = query.spec();
        if (spec.limit() != null || spec.offset() != null || spec.randomOrder() || spec.lock() != SelectSpec.Lock.NONE) {
            throw new IllegalArgumentException(method + " takes a query set without limit, offset, page, random "
                    + "or forUpdate (a subquery is a set of rows); remove them from the inner query set");
        }
        return new Subquery(spec.entity(), spec.where(), spec.joins(), selected, null);
    }
}
