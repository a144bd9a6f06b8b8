package io.nextorm.spring.boot.autoconfigure.broken;

import io.nextorm.annotation.Entity;

/**
 * An entity without a primary key: mapping it fails.
 */
@Entity
public class Note {
    Long id;
    String text;
}
