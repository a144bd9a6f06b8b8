package io.nextorm.kit.existing.sakila;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.JoinColumn;
import io.nextorm.annotation.Nullable;
import io.nextorm.annotation.PrimaryKey;

import java.time.LocalDateTime;
import java.util.Set;

@Entity(table = "address")
public class Address {
    @PrimaryKey Integer addressId;
    String address;
    @Nullable String address2;
    String district;
    @JoinColumn(name = "city_id") City city;
    @Nullable String postalCode;
    String phone;
    LocalDateTime lastUpdate;
    Set<Customer> customers;

    public City getCity() {
        return city;
    }
}
