package io.nextorm.testkit.school;

import io.nextorm.testkit.DatabaseTestKit;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;

/**
 * A kit test over the school model: its tables on every database, filled with {@link School}'s rows
 * before each test.
 */
public abstract class SchoolTestKit extends DatabaseTestKit {

    @Override
    protected List<Class<?>> entities() {
        return School.ENTITIES;
    }

    @BeforeEach
    void school() {
        School.fill(db, TIMEOUT);
    }
}
