package io.nextorm.kit;

import io.nextorm.EntityHooks;
import io.nextorm.Lazy;
import io.nextorm.annotation.CascadeDelete;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.Nullable;
import io.nextorm.annotation.PrimaryKey;

import java.util.List;
import java.util.Set;

/** A shelf whose books need it: removing a book from {@link #books} deletes the book; hooks record into a shared log. */
@Entity
public class Shelf implements EntityHooks {
    @PrimaryKey
    public Long id;
    public String name;
    @Nullable
    public Lazy<String> note;
    @CascadeDelete
    public Set<Book> books;

    /** Where the hooks record "name:hook"; not persistent, may be null. */
    public transient List<String> log;

    public Shelf() {
    }

    public Shelf(String name) {
        this.name = name;
    }

    private void record(String hook) {
        if (log != null) {
            log.add(name + ":" + hook);
        }
    }

    @Override public void beforeInsert() { record("beforeInsert"); }
    @Override public void beforeUpdate() { record("beforeUpdate"); }
    @Override public void afterInsert() { record("afterInsert"); }
    @Override public void afterUpdate() { record("afterUpdate"); }

    @Override
    public String toString() {
        return "Shelf[" + id + ", " + name + "]";
    }
}
