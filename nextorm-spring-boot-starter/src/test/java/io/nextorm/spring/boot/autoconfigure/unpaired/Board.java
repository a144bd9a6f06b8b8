package io.nextorm.spring.boot.autoconfigure.unpaired;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.PrimaryKey;

import java.util.Set;

/**
 * An entity with a Set relation that has no reverse side in {@link Pin}.
 */
@Entity
public class Board {
    @PrimaryKey Long id;
    Set<Pin> pins;
}
