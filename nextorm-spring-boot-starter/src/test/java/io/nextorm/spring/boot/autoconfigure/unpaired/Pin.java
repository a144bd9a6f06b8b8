package io.nextorm.spring.boot.autoconfigure.unpaired;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.PrimaryKey;

/**
 * The target of {@link Board#pins}, with no reference back.
 */
@Entity
public class Pin {
    @PrimaryKey Long id;
    String label;
}
