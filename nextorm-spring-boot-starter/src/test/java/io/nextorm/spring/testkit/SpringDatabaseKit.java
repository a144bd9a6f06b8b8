package io.nextorm.spring.testkit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The starter's database test kit: a test class that extends it runs every test on H2, PostgreSQL
 * and MariaDB, its application contexts pointed at {@link #target} with {@link #databaseProperties()}.
 * A database that cannot be reached skips its tests, or fails them with
 * {@code -Dnextorm.test.databases=required} (CI).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(SpringTestDatabase.class)
public abstract class SpringDatabaseKit {

    /** How long a test waits for one database call. */
    protected static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The database this run of the class tests. */
    @Parameter
    protected SpringTestDatabase target;

    @BeforeEach
    void requireDatabase() {
        String reason = target.unavailableReason();
        if (reason != null) {
            if ("required".equals(System.getProperty("nextorm.test.databases"))) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }
    }

    /**
     * The properties that point an application context at {@link #target}.
     *
     * @return property assignments
     */
    protected String[] databaseProperties() {
        return target.properties();
    }
}
