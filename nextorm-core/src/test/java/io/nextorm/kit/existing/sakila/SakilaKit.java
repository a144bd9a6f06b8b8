package io.nextorm.kit.existing.sakila;

import io.nextorm.AsyncDatabase;
import io.nextorm.SchemaCheck;
import io.nextorm.testkit.ExistingSchemaKit;
import io.nextorm.testkit.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The Sakila tests' kit: the tables of {@link SakilaSchema}, mapped with {@code SchemaCheck.VALIDATE},
 * and its rows inserted by plain SQL before each test.
 */
abstract class SakilaKit extends ExistingSchemaKit {

    /** The 13 entities over Sakila's tables, link tables not mapped as entities. */
    static final List<Class<?>> ENTITIES = List.of(Actor.class, Address.class, Category.class, City.class, Country.class,
            Customer.class, Film.class, Inventory.class, Language.class, Payment.class, Rental.class, Staff.class,
            Store.class);

    @Override
    protected List<String> tables() {
        return SakilaSchema.TABLES;
    }

    @Override
    protected List<String> ddl(TestDatabase database) {
        return SakilaSchema.ddl(database);
    }

    @Override
    protected Mono<Void> map(AsyncDatabase database) {
        return database.generateMapping(SchemaCheck.VALIDATE, true);
    }

    @BeforeEach
    void rows() {
        Flux.fromIterable(SakilaSchema.rows(target)).concatWithValues(SakilaSchema.sequences(target).toArray(String[]::new))
                .concatMap(db::execute).then().block(TIMEOUT);
    }
}
