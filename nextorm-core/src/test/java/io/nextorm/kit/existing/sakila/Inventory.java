package io.nextorm.kit.existing.sakila;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.JoinColumn;
import io.nextorm.annotation.PrimaryKey;

import java.time.LocalDateTime;
import java.util.Set;

@Entity(table = "inventory")
public class Inventory {
    @PrimaryKey Integer inventoryId;
    @JoinColumn(name = "film_id") Film film;
    @JoinColumn(name = "store_id") Store store;
    LocalDateTime lastUpdate;
    Set<Rental> rentals;
}
