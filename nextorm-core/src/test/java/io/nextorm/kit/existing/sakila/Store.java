package io.nextorm.kit.existing.sakila;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.JoinColumn;
import io.nextorm.annotation.PrimaryKey;
import io.nextorm.annotation.Reverse;

import java.time.LocalDateTime;
import java.util.Set;

@Entity(table = "store")
public class Store {
    @PrimaryKey Integer storeId;
    @JoinColumn(name = "manager_staff_id") Staff manager;
    @JoinColumn(name = "address_id") Address address;
    LocalDateTime lastUpdate;
    @Reverse("store") Set<Staff> staff;
    Set<Customer> customers;
    Set<Inventory> inventories;

    public Staff getManager() {
        return manager;
    }
}
