package io.nextorm.internal.session;

import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.PropertyKind;
import io.nextorm.internal.mapping.PropertyModel;
import io.nextorm.internal.mapping.Relation;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps both sides of the session's one-to-ones consistent before a flush plans its writes. The
 * reverse side ({@code profile.account}) has no column: when it was reassigned since it was read,
 * the owning references change to match (the new account's {@code profile} becomes the profile, the
 * old account's becomes null), and those are the columns the flush writes. Then an owning reference
 * ({@code account.profile}) set to an object of the session whose reverse side was read makes that
 * reverse side point back at it.
 */
final class OneToOneSync {

    private OneToOneSync() {
    }

    static void apply(Session session) {
        synchronized (session) {
            List<Entry> synced = withOneToOnes(session.entries());
            for (Entry entry : synced) {
                for (PropertyModel property : entry.model.properties()) {
                    if (property.kind() == PropertyKind.REVERSE_REFERENCE) {
                        reverseChanged(entry, property);
                    }
                }
            }
            for (Entry entry : synced) {
                for (PropertyModel property : entry.model.properties()) {
                    if (isOwningOneToOne(property)) {
                        owningChanged(session, entry, property, property.relation().reverse());
                    }
                }
            }
        }
    }

    /**
     * The entries that are not stubs, of entities with a side of a one-to-one: most flushes hold none,
     * and an entity's properties are looked at once per run of its entries, not once per object.
     */
    private static List<Entry> withOneToOnes(List<Entry> entries) {
        List<Entry> synced = new ArrayList<>();
        EntityModel<?> checked = null;
        boolean oneToOnes = false;
        for (Entry entry : entries) {
            if (entry.model != checked) {
                checked = entry.model;
                oneToOnes = hasOneToOnes(checked);
            }
            if (oneToOnes && entry.state != Entry.State.STUB) {
                synced.add(entry);
            }
        }
        return synced;
    }

    /** Whether an entity has a side of a one-to-one: a reverse reference, or a reference owning one. */
    private static boolean hasOneToOnes(EntityModel<?> model) {
        for (PropertyModel property : model.properties()) {
            if (property.kind() == PropertyKind.REVERSE_REFERENCE || isOwningOneToOne(property)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOwningOneToOne(PropertyModel property) {
        Relation relation = property.relation();
        return property.kind() == PropertyKind.REFERENCE && relation != null
                && relation.reverse().kind() == PropertyKind.REVERSE_REFERENCE;
    }

    private static void reverseChanged(Entry entry, PropertyModel reverseSide) {
        PropertyModel owning = reverseSide.relation().reverse();
        Object current = reverseSide.get(entry.entity);
        List<Object> read = entry.members(reverseSide);
        if (read == null && entry.state != Entry.State.NEW) {
            return;
        }
        Object old = read == null || read.isEmpty() ? null : read.get(0);
        if (current == old) {
            return;
        }
        if (old != null && owning.get(old) == entry.entity) {
            owning.set(old, null);
        }
        if (current != null) {
            owning.set(current, entry.entity);
        }
        entry.setMembers(reverseSide, current == null ? List.of() : List.of(current));
    }

    private static void owningChanged(Session session, Entry entry, PropertyModel owning, PropertyModel reverseSide) {
        Object target = owning.get(entry.entity);
        if (target == null) {
            return;
        }
        Entry targetEntry = session.entry(target);
        if (targetEntry == null || targetEntry.members(reverseSide) == null || reverseSide.get(target) == entry.entity) {
            return;
        }
        reverseSide.set(target, entry.entity);
        targetEntry.setMembers(reverseSide, List.of(entry.entity));
    }

    /**
     * Orders the updates that set a unique reference to null before the others, so that a one-to-one
     * moved from one object to another frees the unique column before the new holder takes it.
     *
     * @param runtime the database runtime
     * @param updates the entries to update, reordered in place
     */
    static void clearingFirst(DatabaseRuntime runtime, List<Entry> updates) {
        List<Entry> clearing = new ArrayList<>();
        for (Entry entry : updates) {
            List<PropertyModel> tracked = runtime.trackedColumns(entry.model);
            if (!hasUniqueReference(tracked)) {
                continue;
            }
            for (int index : Snapshot.changed(tracked, entry.snapshot, entry.entity)) {
                PropertyModel column = tracked.get(index);
                if (column.kind() == PropertyKind.REFERENCE && column.unique() && column.get(entry.entity) == null) {
                    clearing.add(entry);
                    break;
                }
            }
        }
        if (!clearing.isEmpty()) {
            updates.removeAll(clearing);
            updates.addAll(0, clearing);
        }
    }

    private static boolean hasUniqueReference(List<PropertyModel> tracked) {
        for (PropertyModel column : tracked) {
            if (column.kind() == PropertyKind.REFERENCE && column.unique()) {
                return true;
            }
        }
        return false;
    }

    /**
     * After an object was deleted, the session's objects whose unique reference pointed at it hold
     * null there, as the row now does.
     *
     * @param session the session
     * @param model the deleted object's entity
     * @param deleted the deleted object
     */
    static void released(Session session, io.nextorm.internal.mapping.EntityModel<?> model, Object deleted) {
        for (PropertyModel property : model.properties()) {
            if (property.kind() != PropertyKind.REVERSE_REFERENCE || !property.relation().reverse().nullable()) {
                continue;
            }
            PropertyModel owning = property.relation().reverse();
            Object holder = property.get(deleted);
            if (holder != null && owning.get(holder) == deleted && session.entry(holder) != null) {
                owning.set(holder, null);
                session.written(holder);
            }
        }
    }
}
