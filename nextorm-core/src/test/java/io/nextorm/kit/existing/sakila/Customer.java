package io.nextorm.kit.existing.sakila;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.JoinColumn;
import io.nextorm.annotation.Nullable;
import io.nextorm.annotation.PrimaryKey;

import java.time.LocalDateTime;
import java.util.Set;

@Entity(table = "customer")
public class Customer {
    @PrimaryKey Integer customerId;
    @JoinColumn(name = "store_id") Store store;
    String firstName;
    String lastName;
    @Nullable String email;
    @JoinColumn(name = "address_id") Address address;
    Boolean active;  // integer NULL on PostgreSQL: a primitive could not hold its NULL
    LocalDateTime createDate;
    @Nullable LocalDateTime lastUpdate;
    Set<Rental> rentals;
    Set<Payment> payments;

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public Boolean getActive() {
        return active;
    }

    public Address getAddress() {
        return address;
    }

    public Set<Payment> getPayments() {
        return payments;
    }
}
