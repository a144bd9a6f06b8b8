package io.nextorm;

import java.io.Serializable;
import java.util.function.Predicate;

/**
 * A query condition written as a plain Java lambda, translated to SQL from its bytecode:
 *
 * <pre>{@code
 * String prefix = "Re";
 * db.aselect(Article.class).where(a -> a.getViews() > 100 && a.getTitle().startsWith(prefix))
 * }</pre>
 *
 * The lambda is never run against objects in memory. Captured variables become bound parameters.
 * A construct that has no SQL translation raises {@link UnsupportedPredicateException}.
 *
 * @param <T> the entity type
 */
@FunctionalInterface
public interface Where<T> extends Predicate<T>, Serializable {
}
