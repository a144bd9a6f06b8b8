package io.nextorm.kit.existing.sakila;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.JoinColumn;
import io.nextorm.annotation.PrimaryKey;

import java.time.LocalDateTime;
import java.util.Set;

@Entity(table = "city")
public class City {
    @PrimaryKey Integer cityId;
    String city;
    @JoinColumn(name = "country_id") Country country;
    LocalDateTime lastUpdate;
    Set<Address> addresses;

    public String getCity() {
        return city;
    }

    public Country getCountry() {
        return country;
    }
}
