package io.nextorm.testkit.model;

import io.nextorm.annotation.Column;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.PrimaryKey;

import java.util.Set;

/** A tag; many-to-many with articles. */
@Entity
public class Tag {
    @PrimaryKey
    public Long id;
    @Column(length = 40, unique = true)
    public String name;
    public Set<Article> articles;

    public Tag() {
    }

    public Tag(String name) {
        this.name = name;
    }
}
