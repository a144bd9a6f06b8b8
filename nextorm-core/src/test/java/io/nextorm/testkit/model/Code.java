package io.nextorm.testkit.model;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.PrimaryKey;

/** An entity with a key the application chooses (a String). */
@Entity
public class Code {
    @PrimaryKey
    public String code;
    public String label;

    public Code() {
    }

    public Code(String code, String label) {
        this.code = code;
        this.label = label;
    }
}
