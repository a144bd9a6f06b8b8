package io.nextorm.kit;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.PrimaryKey;

/** A book on a shelf it cannot be without. */
@Entity
public class Book {
    @PrimaryKey
    public Long id;
    public String title;
    public Shelf shelf;

    public Book() {
    }

    public Book(String title, Shelf shelf) {
        this.title = title;
        this.shelf = shelf;
    }

    @Override
    public String toString() {
        return "Book[" + id + ", " + title + "]";
    }
}
