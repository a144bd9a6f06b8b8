package io.nextorm.kit.existing.sakila;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.JoinColumn;
import io.nextorm.annotation.JoinTable;
import io.nextorm.annotation.Nullable;
import io.nextorm.annotation.PrimaryKey;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Set;

@Entity(table = "film")
public class Film {
    @PrimaryKey Integer filmId;
    String title;
    @Nullable String description;
    @Nullable Integer releaseYear;
    @JoinColumn(name = "language_id") Language language;
    @Nullable @JoinColumn(name = "original_language_id") Language originalLanguage;
    Integer rentalDuration;
    BigDecimal rentalRate;
    @Nullable Short length;
    BigDecimal replacementCost;
    @Nullable String rating;
    LocalDateTime lastUpdate;
    @Nullable java.util.List<String> specialFeatures;   // text[] on PostgreSQL, SET on MariaDB
    @JoinTable(name = "film_actor", joinColumns = "film_id", inverseJoinColumns = "actor_id") Set<Actor> actors;
    @JoinTable(name = "film_category", joinColumns = "film_id", inverseJoinColumns = "category_id") Set<Category> categories;
    Set<Inventory> inventories;

    public String getTitle() {
        return title;
    }

    public Short getLength() {
        return length;
    }

    public String getRating() {
        return rating;
    }

    public BigDecimal getRentalRate() {
        return rentalRate;
    }

    public Integer getReleaseYear() {
        return releaseYear;
    }

    public Language getLanguage() {
        return language;
    }

    public Set<Actor> getActors() {
        return actors;
    }
}
