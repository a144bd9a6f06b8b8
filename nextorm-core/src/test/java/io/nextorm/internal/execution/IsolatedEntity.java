package io.nextorm.internal.execution;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.PrimaryKey;

/** A top-level entity that {@link ColumnFillerGeneratorTest} loads again in a class loader of its own. */
@Entity(table = "cfg_isolated")
public class IsolatedEntity {

    @PrimaryKey
    private Long id;

    private String name;
}
