package io.nextorm.internal.session;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A set of objects held weakly and compared by identity. The runtime keeps two: the reference
 * objects (stubs: only their key is set) created outside sessions, so that saving one is refused
 * instead of writing its empty columns over the row; and the objects of sessions that have ended,
 * so that writing one or loading through it is refused (strict scope).
 */
final class WeakIdentitySet {

    private final Map<Key, Boolean> stubs = new ConcurrentHashMap<>();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    /**
     * Remembers an object.
     *
     * @param stub the object
     */
    void add(Object stub) {
        expunge();
        stubs.put(new Key(stub, collected), Boolean.TRUE);
    }

    /**
     * Whether an object is in the set.
     *
     * @param entity the object
     * @return true when it was added (and not collected)
     */
    boolean contains(Object entity) {
        return !stubs.isEmpty() && stubs.containsKey(new Key(entity, null));
    }

    /**
     * Remembers objects.
     *
     * @param objects the objects
     */
    void addAll(Iterable<?> objects) {
        expunge();
        for (Object object : objects) {
            stubs.put(new Key(object, collected), Boolean.TRUE);
        }
    }

    /**
     * Forgets an object.
     *
     * @param entity the object
     */
    void remove(Object entity) {
        if (!stubs.isEmpty()) {
            stubs.remove(new Key(entity, null));
        }
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
