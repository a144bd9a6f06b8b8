package io.nextorm.internal.execution;

import java.io.Serial;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A row of {@code selectRaw}: the column labels as the driver reports them, in order, looked up
 * without regard to case (H2 reports unquoted names in upper case), like Spring's
 * {@code LinkedCaseInsensitiveMap}.
 */
public final class RowMap extends LinkedHashMap<String, Object> {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Map<String, String> keysByLowerCase = new HashMap<>();

    /**
     * Creates an empty row.
     *
     * @param columns the expected number of columns
     */
    public RowMap(int columns) {
        super(Math.max(4, columns * 2));
    }

    @Override
    public Object put(String key, Object value) {
        String previous = keysByLowerCase.put(key.toLowerCase(Locale.ROOT), key);
        if (previous != null && !previous.equals(key)) {
            super.remove(previous);
        }
        return super.put(key, value);
    }

    @Override
    public Object get(Object key) {
        return key instanceof String name ? super.get(keysByLowerCase.getOrDefault(name.toLowerCase(Locale.ROOT), name))
                : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && keysByLowerCase.containsKey(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public Object remove(Object key) {
        if (!(key instanceof String name)) {
            return null;
        }
        String actual = keysByLowerCase.remove(name.toLowerCase(Locale.ROOT));
        return actual == null ? null : super.remove(actual);
    }

    @Override
    public void clear() {
        keysByLowerCase.clear();
        super.clear();
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
