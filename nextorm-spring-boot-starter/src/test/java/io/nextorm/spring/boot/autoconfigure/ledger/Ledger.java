package io.nextorm.spring.boot.autoconfigure.ledger;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.PrimaryKey;

/** The one entity of the schema-check tests: its table {@code ledger} is dropped before each of them. */
@Entity
public class Ledger {
    @PrimaryKey
    public Long id;
    public String name;

    public Ledger() {
    }

    public Ledger(String name) {
        this.name = name;
    }
}
