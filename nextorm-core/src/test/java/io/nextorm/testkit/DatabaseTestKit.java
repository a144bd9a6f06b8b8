package io.nextorm.testkit;

import io.nextorm.AsyncDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The dialect test kit: a test class that extends it runs every test on H2, PostgreSQL and MariaDB
 * (like the R2DBC TCK runs one suite against every driver). The database of each dialect is opened
 * once per test class with freshly created tables; before each test its rows are deleted.
 * A database that cannot be reached skips its tests, or fails them with
 * {@code -Dnextorm.test.databases=required} (CI).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseTestKit {

    /** How long a test waits for one database call. */
    protected static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Map<TestDatabase, AsyncDatabase> opened = new EnumMap<>(TestDatabase.class);

    /** The database this run of the class tests. */
    @Parameter
    protected TestDatabase target;

    /** The opened database of {@link #target}, emptied before each test. */
    protected AsyncDatabase db;

    /**
     * The entities the test class needs.
     *
     * @return the entity classes
     */
    protected abstract List<Class<?>> entities();

    @BeforeEach
    void openDatabase() {
        target.requireAvailable();
        AsyncDatabase existing = opened.get(target);
        if (existing == null) {
            db = target.open(entities());
            opened.put(target, db);
        } else {
            db = existing;
            SchemaCleaner.deleteRows(db).block(TIMEOUT);
        }
    }

    @AfterAll
    void closeDatabases() {
        opened.values().forEach(database -> database.close().block(TIMEOUT));
        opened.clear();
    }

    /**
     * Waits for a Mono in a test.
     *
     * @param mono the mono
     * @param <T> the value type
     * @return its value, or null
     */
    protected static <T> T await(reactor.core.publisher.Mono<T> mono) {
        return mono.block(TIMEOUT);
    }
}
