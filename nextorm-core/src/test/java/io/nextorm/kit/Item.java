package io.nextorm.kit;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.PrimaryKey;

/** An item in a box it cannot be without. */
@Entity
public class Item {
    @PrimaryKey
    public Long id;
    public String label;
    public Box box;

    public Item() {
    }

    public Item(String label, Box box) {
        this.label = label;
        this.box = box;
    }

    @Override
    public String toString() {
        return "Item[" + id + ", " + label + "]";
    }
}
