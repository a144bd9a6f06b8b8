package io.nextorm;

import io.nextorm.query.Subquery;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;

import java.util.Objects;

/**
 * The result of an aggregate of a query set ({@code db.aselect(Student.class).avg(Student_.gpa)}):
 * a {@link Mono} of the value, which is also the scalar subquery that computes it, so it can be
 * compared with in another query without running it first:
 *
 * <pre>{@code
 * db.aselect(Student.class).filter(Student_.gpa.gt(db.aselect(Student.class).avg(Student_.gpa)))
 * // WHERE gpa > (SELECT AVG(sq1.gpa) FROM student sq1)
 * }</pre>
 *
 * @param <V> the value type
 */
public final class ScalarQuery<V> extends Mono<V> {

    private final Mono<V> value;
    private final Subquery subquery;

    ScalarQuery(Mono<V> value, Subquery subquery) {
        this.value = Objects.requireNonNull(value, "value");
        this.subquery = subquery;
    }

    /**
     * The subquery that computes the value.
     *
     * @return the scalar subquery
     * @throws IllegalArgumentException when the query set cannot be a subquery (it has a limit, say)
     */
    public Subquery subquery() {
        if (subquery == null) {
            throw new IllegalArgumentException("This aggregate's query set has a limit, offset, page, random order "
                    + "or forUpdate, so it cannot be a subquery; remove them to compare with it");
        }
        return subquery;
    }

    @Override
    public void subscribe(CoreSubscriber<? super V> actual) {
        value.subscribe(actual);
    }
}
