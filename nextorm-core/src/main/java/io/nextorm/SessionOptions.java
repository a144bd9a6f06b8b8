package io.nextorm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How {@link AsyncDatabase#session(SessionOptions, java.util.function.Function)} runs its work, as
 * PonyORM's {@code db_session(retry=..., retry_exceptions=...)} and read-only sessions do. An
 * immutable value: each method returns a new one.
 *
 * <pre>{@code
 * db.session(SessionOptions.retry(3).on(OptimisticCheckException.class), s -> work());  // up to 4 runs
 * db.session(SessionOptions.readOnly(), s -> db.aselect(Article.class).fetchAll());     // writes refused
 * }</pre>
 *
 * <p>A retry runs the work again in a new transaction with a new, empty identity map, so objects of
 * the failed run are not reused. A session that joins an outer one (a {@code db.session} inside a
 * session of the same database) runs its work once: the outer session's options apply.
 */
public final class SessionOptions {

    private static final SessionOptions DEFAULTS = new SessionOptions(0, List.of(), false);

    private final int retries;
    private final List<Class<? extends Throwable>> retryOn;
    private final boolean readOnly;

    private SessionOptions(int retries, List<Class<? extends Throwable>> retryOn, boolean readOnly) {
        this.retries = retries;
        this.retryOn = retryOn;
        this.readOnly = readOnly;
    }

    /**
     * No retry, writes allowed: what {@link AsyncDatabase#session(java.util.function.Function)} uses.
     *
     * @return the default options
     */
    public static SessionOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Runs the work again, up to {@code times} more times, when it fails with one of the errors given
     * to {@link #on} (without {@code on}: an {@link OptimisticCheckException}).
     *
     * @param times the most re-runs after the first, at least 1
     * @return the options
     * @throws IllegalArgumentException for fewer than 1
     */
    public static SessionOptions retry(int times) {
        return DEFAULTS.withRetry(times);
    }

    /**
     * A session that reads only: {@code add}, {@code asave}, {@code ainsert}, {@code adeleteInstance},
     * bulk writes and a flush with changes fail with an {@link IllegalStateException} naming the object.
     *
     * @return the options
     */
    public static SessionOptions readOnly() {
        return DEFAULTS.withReadOnly(true);
    }

    /**
     * These options with a number of re-runs.
     *
     * @param times the most re-runs after the first, at least 1
     * @return the options
     * @throws IllegalArgumentException for fewer than 1
     */
    public SessionOptions withRetry(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("retry() takes the number of re-runs, at least 1; got " + times
                    + " (use SessionOptions.defaults() for none)");
        }
        return new SessionOptions(times, retryOn, readOnly);
    }

    /**
     * These options, read-only or not.
     *
     * @param value whether writes are refused
     * @return the options
     */
    public SessionOptions withReadOnly(boolean value) {
        return new SessionOptions(retries, retryOn, value);
    }

    /**
     * The errors that make the work run again (an error of a subclass too), replacing the default
     * {@link OptimisticCheckException}.
     *
     * @param errors the error classes, at least one
     * @return the options
     * @throws IllegalArgumentException for none or a null class
     */
    @SafeVarargs
    public final SessionOptions on(Class<? extends Throwable>... errors) {
        if (errors == null || errors.length == 0 || Arrays.asList(errors).contains(null)) {
            throw new IllegalArgumentException("on() needs the error classes to retry on, e.g. "
                    + "on(OptimisticCheckException.class); got " + (errors == null ? "null" : Arrays.toString(errors)));
        }
        return new SessionOptions(retries, List.copyOf(new ArrayList<>(Arrays.asList(errors))), readOnly);
    }

    /**
     * The most re-runs after the first.
     *
     * @return 0 for none
     */
    public int maxRetries() {
        return retries;
    }

    /**
     * The errors that make the work run again.
     *
     * @return the classes; {@link OptimisticCheckException} when none was given
     */
    public List<Class<? extends Throwable>> retryOn() {
        return retryOn.isEmpty() ? List.of(OptimisticCheckException.class) : retryOn;
    }

    /**
     * Whether an error makes the work run again.
     *
     * @param error the error of a run
     * @return true when it is one of {@link #retryOn()}
     */
    public boolean retries(Throwable error) {
        for (Class<? extends Throwable> type : retryOn()) {
            if (type.isInstance(error)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether writes are refused.
     *
     * @return true for a read-only session
     */
    public boolean isReadOnly() {
        return readOnly;
    }

    @Override
    public String toString() {
        return "SessionOptions[retries=" + retries + " on " + retryOn().stream().map(Class::getSimpleName).toList()
                + (readOnly ? ", read-only" : "") + "]";
    }
}
