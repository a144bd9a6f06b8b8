package io.nextorm.internal.session;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reference objects (stubs: only their key is set) created outside sessions, held weakly and
 * compared by identity, so that saving one is refused instead of writing its empty columns over
 * the row.
 */
final class StubRegistry {

    private final Map<Key, Boolean> stubs = new ConcurrentHashMap<>();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    /**
     * Remembers a stub.
     *
     * @param stub the object
     */
    void add(Object stub) {
        expunge();
        stubs.put(new Key(stub, collected), Boolean.TRUE);
    }

    /**
     * Whether an object is a stub.
     *
     * @param entity the object
     * @return true for a stub that was never loaded
     */
    boolean contains(Object entity) {
        return !stubs.isEmpty() && stubs.containsKey(new Key(entity, null));
    }

    private void expunge() {
        java.lang.ref.Reference<?> reference;
        while ((reference = collected.poll()) != null) {
            stubs.remove(reference);
        }
    }

    private static final class Key extends WeakReference<Object> {

        private final int hash;

        Key(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Key that) || hash != that.hash) {
                return false;
            }
            Object referent = get();
            return referent != null && referent == that.get();
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
