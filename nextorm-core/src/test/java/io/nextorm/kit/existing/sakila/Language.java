package io.nextorm.kit.existing.sakila;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.PrimaryKey;
import io.nextorm.annotation.Reverse;

import java.time.LocalDateTime;
import java.util.Set;

@Entity(table = "language")
public class Language {
    @PrimaryKey Integer languageId;
    String name;
    LocalDateTime lastUpdate;
    @Reverse("language") Set<Film> films;
    @Reverse("originalLanguage") Set<Film> originalFilms;
}
