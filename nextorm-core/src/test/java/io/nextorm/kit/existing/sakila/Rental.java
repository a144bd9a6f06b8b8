package io.nextorm.kit.existing.sakila;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.JoinColumn;
import io.nextorm.annotation.Nullable;
import io.nextorm.annotation.PrimaryKey;

import java.time.LocalDateTime;
import java.util.Set;

@Entity(table = "rental")
public class Rental {
    @PrimaryKey Integer rentalId;
    LocalDateTime rentalDate;
    @JoinColumn(name = "inventory_id") Inventory inventory;
    @JoinColumn(name = "customer_id") Customer customer;
    @Nullable LocalDateTime returnDate;
    @JoinColumn(name = "staff_id") Staff staff;
    LocalDateTime lastUpdate;
    Set<Payment> payments;

    public LocalDateTime getRentalDate() {
        return rentalDate;
    }

    public LocalDateTime getReturnDate() {
        return returnDate;
    }
}
