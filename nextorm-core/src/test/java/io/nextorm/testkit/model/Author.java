package io.nextorm.testkit.model;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.Nullable;
import io.nextorm.annotation.PrimaryKey;

import java.util.Set;

/** An author of articles; public fields, no accessors. */
@Entity
public class Author {
    @PrimaryKey
    public Long id;
    public String name;
    @Nullable
    public String email;
    public Set<Article> articles;

    public Author() {
    }

    public Author(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "Author[" + id + ", " + name + "]";
    }
}
