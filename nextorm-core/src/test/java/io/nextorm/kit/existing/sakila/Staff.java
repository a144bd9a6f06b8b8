package io.nextorm.kit.existing.sakila;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.JoinColumn;
import io.nextorm.annotation.Nullable;
import io.nextorm.annotation.PrimaryKey;

import java.time.LocalDateTime;
import java.util.Set;

@Entity(table = "staff")
public class Staff {
    @PrimaryKey Integer staffId;
    String firstName;
    String lastName;
    @JoinColumn(name = "address_id") Address address;
    @Nullable String email;
    @JoinColumn(name = "store_id") Store store;
    boolean active;
    String username;
    @Nullable String password;
    LocalDateTime lastUpdate;
    @Nullable byte[] picture;
    Set<Payment> payments;
    Set<Rental> rentals;

    public String getFirstName() {
        return firstName;
    }

    public boolean isActive() {
        return active;
    }
}
