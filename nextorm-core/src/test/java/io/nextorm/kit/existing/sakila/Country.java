package io.nextorm.kit.existing.sakila;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.PrimaryKey;

import java.time.LocalDateTime;
import java.util.Set;

@Entity(table = "country")
public class Country {
    @PrimaryKey Integer countryId;
    String country;
    LocalDateTime lastUpdate;
    Set<City> cities;

    public String getCountry() {
        return country;
    }
}
