package io.nextorm.internal.database;

import io.nextorm.AsyncQuerySet;
import io.nextorm.internal.query.SelectSpec;

import java.util.function.Function;

/**
 * Reads a query set's select spec, which its public API does not show: {@code AsyncQuerySet}
 * installs the reader when its class initializes, so the spec stays out of public signatures.
 */
public final class QuerySetAccess {

    private static volatile Function<AsyncQuerySet<?>, SelectSpec> reader;

    private QuerySetAccess() {
    }

    /**
     * Installs the reader; {@code AsyncQuerySet} calls it once.
     *
     * @param specReader reads the spec of a query set
     */
    public static void install(Function<AsyncQuerySet<?>, SelectSpec> specReader) {
        reader = specReader;
    }

    /**
     * What a query set selects, as a tree.
     *
     * @param query the query set (its class is initialized, so the reader is installed)
     * @return its select spec
     */
    public static SelectSpec spec(AsyncQuerySet<?> query) {
        if (query == null) {
            throw new IllegalArgumentException("QuerySetAccess.spec() needs a query set, got null");
        }
        return reader.apply(query);
    }
}
