package io.nextorm.kit.existing.sakila;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.JoinColumn;
import io.nextorm.annotation.PrimaryKey;

import java.time.LocalDateTime;

/** Sakila's film_actor as an entity of its own: the pair of references is the primary key. */
@Entity(table = "film_actor")
public class FilmActor {
    @PrimaryKey @JoinColumn(name = "actor_id") Actor actor;
    @PrimaryKey @JoinColumn(name = "film_id") Film film;
    LocalDateTime lastUpdate;

    public Actor getActor() {
        return actor;
    }

    public Film getFilm() {
        return film;
    }
}
