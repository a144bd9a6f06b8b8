package io.nextorm.testkit.model;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.PrimaryKey;

/** A table and columns named with reserved words: order, user, group, value. */
@Entity
public class Order {
    @PrimaryKey
    public Long id;
    public String user;
    public String group;
    public int value;
}
