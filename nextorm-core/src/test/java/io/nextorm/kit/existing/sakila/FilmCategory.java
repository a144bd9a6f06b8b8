package io.nextorm.kit.existing.sakila;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.JoinColumn;
import io.nextorm.annotation.PrimaryKey;

import java.time.LocalDateTime;

/** Sakila's film_category as an entity of its own: the pair of references is the primary key. */
@Entity(table = "film_category")
public class FilmCategory {
    @PrimaryKey @JoinColumn(name = "film_id") Film film;
    @PrimaryKey @JoinColumn(name = "category_id") Category category;
    LocalDateTime lastUpdate;
}
