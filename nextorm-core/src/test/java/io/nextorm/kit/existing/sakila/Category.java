package io.nextorm.kit.existing.sakila;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.PrimaryKey;

import java.time.LocalDateTime;
import java.util.Set;

@Entity(table = "category")
public class Category {
    @PrimaryKey Integer categoryId;
    String name;
    LocalDateTime lastUpdate;
    Set<Film> films;
}
