package io.nextorm.testkit;

import io.nextorm.AsyncDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The test kit for existing schemas: like {@link DatabaseTestKit} it runs every test on H2, PostgreSQL
 * and MariaDB, but the tables are created by the test's own hand-written DDL (as Flyway or another
 * application would have made them), never by nextorm; nextorm only maps onto them.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ExistingSchemaKit {

    /** How long a test waits for one database call. */
    protected static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Map<TestDatabase, AsyncDatabase> opened = new EnumMap<>(TestDatabase.class);

    /** The database this run of the class tests. */
    @Parameter
    protected TestDatabase target;

    /** The opened database of {@link #target}, emptied before each test. */
    protected AsyncDatabase db;

    /**
     * The entities the test class maps.
     *
     * @return the entity classes
     */
    protected abstract List<Class<?>> entities();

    /**
     * The tables to drop before the DDL runs, referencing tables first.
     *
     * @return table names
     */
    protected abstract List<String> tables();

    /**
     * The hand-written DDL for one database.
     *
     * @param database the database
     * @return the statements, in order
     */
    protected abstract List<String> ddl(TestDatabase database);

    /**
     * Maps the entities onto the created tables; by default {@code generateMapping(false, true)}.
     *
     * @param database the bound database
     * @return completion
     */
    protected Mono<Void> map(AsyncDatabase database) {
        return database.generateMapping(false, true);
    }

    @BeforeEach
    void openDatabase() {
        String reason = target.unavailableReason();
        if (reason != null) {
            if (TestDatabase.required()) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }
        AsyncDatabase existing = opened.get(target);
        if (existing == null) {
            db = createTables(target);
            map(db).block(TIMEOUT);
            opened.put(target, db);
        } else {
            db = existing;
            SchemaCleaner.deleteRows(db).block(TIMEOUT);
        }
    }

    /**
     * Binds a new database of {@link #entities()} and runs {@link #ddl} on it after dropping {@link #tables()}.
     *
     * @param database the database
     * @return the bound, unmapped database
     */
    protected AsyncDatabase createTables(TestDatabase database) {
        return createTables(database, entities());
    }

    /**
     * Binds a new database of the given entities and runs {@link #ddl} on it after dropping {@link #tables()}.
     *
     * @param database the database
     * @param entities the entity classes
     * @return the bound, unmapped database
     */
    protected AsyncDatabase createTables(TestDatabase database, List<Class<?>> entities) {
        AsyncDatabase created = new AsyncDatabase(entities);
        created.bind(database.provider(), database.url(), Map.of("pool.maxSize", 10)).block(TIMEOUT);
        String cascade = database == TestDatabase.H2 || database == TestDatabase.POSTGRES ? " CASCADE" : "";
        Flux.fromIterable(tables()).concatMap(t -> created.execute("DROP TABLE IF EXISTS " + t + cascade)).then()
                .then(Flux.fromIterable(ddl(database)).concatMap(created::execute).then()).block(TIMEOUT);
        return created;
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
    protected static <T> T await(Mono<T> mono) {
        return mono.block(TIMEOUT);
    }
}
