package io.nextorm.kit;

import io.nextorm.EntityHooks;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.PrimaryKey;

import java.util.List;

/** An entity whose hooks record into a log shared by several objects, to see their order across objects. */
@Entity
public class Journal implements EntityHooks {
    @PrimaryKey
    public Long id;
    public String name;

    /** Where the hooks record "name:hook"; not persistent, may be null. */
    public transient List<String> log;

    public Journal() {
    }

    public Journal(String name, List<String> log) {
        this.name = name;
        this.log = log;
    }

    private void record(String hook) {
        if (log != null) {
            log.add(name + ":" + hook + (hook.startsWith("after") && id == null ? "(no key)" : ""));
        }
    }

    @Override public void beforeInsert() { record("beforeInsert"); }
    @Override public void afterInsert() { record("afterInsert"); }
    @Override public void beforeUpdate() { record("beforeUpdate"); }
    @Override public void afterUpdate() { record("afterUpdate"); }
    @Override public void beforeDelete() { record("beforeDelete"); }
    @Override public void afterDelete() { record("afterDelete"); }
}
