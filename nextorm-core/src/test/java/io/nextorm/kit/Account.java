package io.nextorm.kit;

import io.nextorm.annotation.Column;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.Nullable;
import io.nextorm.annotation.PrimaryKey;

/** The owning side of a one-to-one: {@link #profile} is the unique foreign-key column profile_id. */
@Entity
public class Account {
    @PrimaryKey
    public Long id;
    public String name;
    @Column(unique = true)
    @Nullable
    public Profile profile;

    public Account() {
    }

    public Account(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }
}
