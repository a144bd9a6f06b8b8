package io.nextorm.internal.execution;

import io.nextorm.LazyFieldNotLoadedException;
import io.nextorm.internal.mapping.PropertyModel;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The value of a {@code Set<T>} relation of a loaded object whose members were not loaded: every
 * read ({@code size}, {@code contains}, iteration, ...) throws {@link LazyFieldNotLoadedException}
 * saying how to load it, so that an unloaded relation never looks like an empty one.
 *
 * <p>{@link #add} and {@link #remove} work without loading: they are recorded, and a session writes
 * them at its next flush (join rows of a many-to-many, the reverse reference of a one-to-many).
 * Outside a session they are kept on the object only. Loading the set ({@code db.loadSet} or
 * {@code prefetch}) replaces this object with an ordinary set that includes the recorded changes.
 *
 * @param <E> the element type
 */
public final class UnloadedSet<E> extends AbstractSet<E> {

    private final PropertyModel property;
    private final List<E> added = new ArrayList<>();
    private final List<E> removed = new ArrayList<>();

    /**
     * An unloaded set of a relation.
     *
     * @param property the set property (for the message)
     */
    public UnloadedSet(PropertyModel property) {
        this.property = Objects.requireNonNull(property, "property");
    }

    /**
     * The set property this stands for.
     *
     * @return the property
     */
    public PropertyModel property() {
        return property;
    }

    /**
     * The members added without loading, in order.
     *
     * @return a copy of the added members
     */
    public synchronized List<E> added() {
        return new ArrayList<>(added);
    }

    /**
     * The members removed without loading, in order.
     *
     * @return a copy of the removed members
     */
    public synchronized List<E> removed() {
        return new ArrayList<>(removed);
    }

    /**
     * Whether members were added or removed without loading.
     *
     * @return true when {@link #added()} or {@link #removed()} is not empty
     */
    public synchronized boolean hasChanges() {
        return !added.isEmpty() || !removed.isEmpty();
    }

    /**
     * Forgets the recorded changes (once a flush wrote them).
     */
    public synchronized void clearChanges() {
        added.clear();
        removed.clear();
    }

    private LazyFieldNotLoadedException notLoaded() {
        return new LazyFieldNotLoadedException(property + " is not loaded: call db.loadSet(entity, \"" + property.name()
                + "\") or prefetch(" + property.owner().getSimpleName() + "_." + property.name() + ") first");
    }

    /**
     * Records a member to add at the next flush; never reads the set.
     *
     * @param element the member
     * @return always true (whether it was already a member is not known)
     */
    @Override
    public synchronized boolean add(E element) {
        Objects.requireNonNull(element, property + " cannot hold null");
        if (!removed.removeIf(e -> e == element)) {
            added.add(element);
        }
        return true;
    }

    /**
     * Records a member to remove at the next flush; never reads the set.
     *
     * @param element the member
     * @return always true (whether it was a member is not known)
     */
    @Override
    @SuppressWarnings("unchecked")
    public synchronized boolean remove(Object element) {
        Objects.requireNonNull(element, property + " cannot hold null");
        if (!added.removeIf(e -> e == element)) {
            removed.add((E) element);
        }
        return true;
    }

    /**
     * Records members to add.
     *
     * @param elements the members
     * @return true
     */
    @Override
    public boolean addAll(Collection<? extends E> elements) {
        elements.forEach(this::add);
        return true;
    }

    /** @throws LazyFieldNotLoadedException always */
    @Override
    public Iterator<E> iterator() {
        throw notLoaded();
    }

    /** @throws LazyFieldNotLoadedException always */
    @Override
    public int size() {
        throw notLoaded();
    }

    /** @throws LazyFieldNotLoadedException always */
    @Override
    public boolean isEmpty() {
        throw notLoaded();
    }

    /** @throws LazyFieldNotLoadedException always */
    @Override
    public boolean contains(Object o) {
        throw notLoaded();
    }

    /** @throws LazyFieldNotLoadedException always */
    @Override
    public boolean containsAll(Collection<?> c) {
        throw notLoaded();
    }

    /** @throws LazyFieldNotLoadedException always */
    @Override
    public Object[] toArray() {
        throw notLoaded();
    }

    /** @throws LazyFieldNotLoadedException always */
    @Override
    public <A> A[] toArray(A[] a) {
        throw notLoaded();
    }

    /** @throws LazyFieldNotLoadedException always */
    @Override
    public boolean removeAll(Collection<?> c) {
        throw notLoaded();
    }

    /** @throws LazyFieldNotLoadedException always */
    @Override
    public boolean retainAll(Collection<?> c) {
        throw notLoaded();
    }

    /** @throws LazyFieldNotLoadedException always */
    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        throw notLoaded();
    }

    /** @throws LazyFieldNotLoadedException always */
    @Override
    public void clear() {
        throw notLoaded();
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "[not loaded: " + property + "]";
    }
}
