package io.nextorm;

import java.util.Objects;

/**
 * A field whose value is not loaded by queries, marked by its type alone: a {@code Lazy<String> body}
 * column is left out of every SELECT that loads the entity, and fetched on request with
 * {@link AsyncDatabase#loadLazyField(Object, String)}.
 *
 * <pre>{@code
 * Article a = new Article();
 * a.body = Lazy.of("a long text");                       // a new object carries its value
 * ...
 * Article loaded = db.aselect(Article.class).fetchOne().block();
 * loaded.body.isLoaded();                                // false
 * String body = db.<String>loadLazyField(loaded, "body").block();
 * loaded.body.get();                                     // now the value, no query
 * }</pre>
 *
 * Instances are immutable; loading replaces the field's instance with a loaded one.
 *
 * @param <T> the value type
 */
public final class Lazy<T> {

    private static final Lazy<?> NOT_LOADED = new Lazy<>(null, false);

    private final T value;
    private final boolean loaded;

    private Lazy(T value, boolean loaded) {
        this.value = value;
        this.loaded = loaded;
    }

    /**
     * A loaded value, for a new object or a new value of an existing one.
     *
     * @param value the value, may be null for a nullable column
     * @param <T> the value type
     * @return a loaded lazy value
     */
    public static <T> Lazy<T> of(T value) {
        return new Lazy<>(value, true);
    }

    /**
     * The value of a field that a query left out; {@link #get()} throws until it is loaded.
     *
     * @param <T> the value type
     * @return a not-loaded lazy value
     */
    @SuppressWarnings("unchecked")
    public static <T> Lazy<T> notLoaded() {
        return (Lazy<T>) NOT_LOADED;
    }

    /**
     * Returns the value.
     *
     * @return the value
     * @throws LazyFieldNotLoadedException when it has not been loaded
     */
    public T get() {
        if (!loaded) {
            throw new LazyFieldNotLoadedException(
                    "This lazy field has not been loaded: call db.loadLazyField(entity, \"<field>\") first");
        }
        return value;
    }

    /**
     * Whether the value is here.
     *
     * @return true once loaded (or created with {@link #of(Object)})
     */
    public boolean isLoaded() {
        return loaded;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Lazy<?> that && loaded == that.loaded && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, loaded);
    }

    @Override
    public String toString() {
        return loaded ? "Lazy[" + value + "]" : "Lazy[not loaded]";
    }
}
