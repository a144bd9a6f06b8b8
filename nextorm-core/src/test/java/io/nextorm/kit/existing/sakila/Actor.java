package io.nextorm.kit.existing.sakila;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.PrimaryKey;

import java.time.LocalDateTime;
import java.util.Set;

@Entity(table = "actor")
public class Actor {
    @PrimaryKey Integer actorId;
    String firstName;
    String lastName;
    LocalDateTime lastUpdate;
    Set<Film> films;

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public Set<Film> getFilms() {
        return films;
    }
}
