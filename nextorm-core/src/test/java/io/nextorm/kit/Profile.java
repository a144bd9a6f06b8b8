package io.nextorm.kit;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.Nullable;
import io.nextorm.annotation.PrimaryKey;

/** The reverse side of a one-to-one: {@link #account} has no column, it is Account.profile seen from here. */
@Entity
public class Profile {
    @PrimaryKey
    public Long id;
    public String bio;
    @Nullable
    public Account account;

    public Profile() {
    }

    public Profile(String bio) {
        this.bio = bio;
    }

    public Account getAccount() {
        return account;
    }
}
