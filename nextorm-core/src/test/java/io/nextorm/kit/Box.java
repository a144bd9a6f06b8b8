package io.nextorm.kit;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.PrimaryKey;

import java.util.Set;

/** A box whose items need it, without cascade: removing an item from {@link #items} is an error. */
@Entity
public class Box {
    @PrimaryKey
    public Long id;
    public String label;
    public Set<Item> items;

    public Box() {
    }

    public Box(String label) {
        this.label = label;
    }
}
