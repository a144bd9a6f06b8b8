package io.nextorm.spring.transaction;

import io.nextorm.AsyncDatabase;
import io.nextorm.spring.boot.autoconfigure.NextOrmAutoConfiguration;
import io.nextorm.spring.boot.autoconfigure.fixture.FixtureConfiguration;
import io.nextorm.spring.boot.autoconfigure.fixture.Shelf;
import io.nextorm.spring.boot.autoconfigure.fixture.Shelf_;
import io.nextorm.spring.testkit.SpringDatabaseKit;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plain nextorm calls ({@code aselect}, {@code asave}, {@code forUpdate}, {@code getConnection}) inside
 * Spring's reactive transactions, without {@code db.session}: one identity map per transaction,
 * flushed before the commit, on H2, PostgreSQL and MariaDB.
 */
class SpringTransactionJoinTest extends SpringDatabaseKit {

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class,
                        R2dbcTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                        NextOrmAutoConfiguration.class))
                .withUserConfiguration(FixtureConfiguration.class, ServiceConfiguration.class)
                .withPropertyValues(databaseProperties())
                .withPropertyValues("nextorm.schema=create");
    }

    private void run(java.util.function.Consumer<ApplicationContext> test) {
        runner().run(context -> {
            AsyncDatabase db = context.getBean(AsyncDatabase.class);
            db.execute("DELETE FROM book").then(db.execute("DELETE FROM shelf")).block(TIMEOUT);
            test.accept(context);
        });
    }

    @Test
    void changeOfAnObjectLoadedInATransactionalMethodIsWrittenBeforeTheCommit() {
        run(context -> {
            AsyncDatabase db = context.getBean(AsyncDatabase.class);
            Long id = db.asave(Shelf.named("old")).block(TIMEOUT).getId();

            context.getBean(ShelfService.class).rename(id, "new", false).as(StepVerifier::create).verifyComplete();

            assertThat(db.aselect(Shelf.class).filter(Shelf_.name.eq("new")).count().block(TIMEOUT))
                    .as("seen from another connection after the commit").isEqualTo(1);
        });
    }

    @Test
    void changeOfAnObjectLoadedInATransactionalMethodThatFailsIsNotWritten() {
        run(context -> {
            AsyncDatabase db = context.getBean(AsyncDatabase.class);
            Long id = db.asave(Shelf.named("old")).block(TIMEOUT).getId();

            context.getBean(ShelfService.class).rename(id, "new", true).as(StepVerifier::create)
                    .verifyErrorMessage("rolled back");

            assertThat(db.aselect(Shelf.class).fetchAll().block(TIMEOUT)).extracting(Shelf::getName)
                    .containsExactly("old");
        });
    }

    @Test
    void twoLoadsInOneTransactionGiveTheSameObject() {
        run(context -> {
            AsyncDatabase db = context.getBean(AsyncDatabase.class);
            db.asave(Shelf.named("a")).block(TIMEOUT);

            db.aselect(Shelf.class).getOrRaise().zipWith(db.aselect(Shelf.class).getOrRaise())
                    .as(context.getBean(TransactionalOperator.class)::transactional)
                    .as(StepVerifier::create)
                    .assertNext(both -> assertThat(both.getT2()).isSameAs(both.getT1()))
                    .verifyComplete();
        });
    }

    @Test
    void forUpdateInATransactionalMethodLocksTheRow() {
        run(context -> {
            AsyncDatabase db = context.getBean(AsyncDatabase.class);
            Long id = db.asave(Shelf.named("locked")).block(TIMEOUT).getId();

            context.getBean(ShelfService.class).lockAndLookFromElsewhere(id)
                    .as(StepVerifier::create)
                    .assertNext(seenElsewhere -> assertThat(seenElsewhere)
                            .as("ids a second transaction with SKIP LOCKED sees").isEmpty())
                    .verifyComplete();
        });
    }

    @Test
    void getConnectionInATransactionIsItsConnection() {
        run(context -> {
            AsyncDatabase db = context.getBean(AsyncDatabase.class);
            db.getConnection()
                    .flatMap(connection -> Mono.from(connection.createStatement(
                                    "INSERT INTO shelf (name) VALUES ('by hand')").execute())
                            .flatMap(result -> Mono.from(result.getRowsUpdated()))
                            .then(Mono.from(connection.close())))
                    .then(Mono.error(new IllegalStateException("boom")))
                    .as(context.getBean(TransactionalOperator.class)::transactional)
                    .as(StepVerifier::create)
                    .verifyErrorMessage("boom");

            assertThat(db.aselect(Shelf.class).count().block(TIMEOUT)).as("rolled back with the transaction").isZero();
        });
    }

    @Test
    void nestedTransactionThatFailsUndoesOnlyItsOwnChanges() {
        run(context -> {
            AsyncDatabase db = context.getBean(AsyncDatabase.class);
            TransactionalOperator outer = context.getBean(TransactionalOperator.class);
            TransactionalOperator nested = TransactionalOperator.create(context.getBean(ReactiveTransactionManager.class),
                    new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED));

            db.asave(Shelf.named("outer"))
                    .then(db.asave(Shelf.named("inner")).then(Mono.error(new IllegalStateException("boom")))
                            .as(nested::transactional)
                            .onErrorResume(IllegalStateException.class, e -> Mono.empty()))
                    .then()
                    .as(outer::transactional)
                    .as(StepVerifier::create)
                    .verifyComplete();

            assertThat(db.aselect(Shelf.class).fetchAll().block(TIMEOUT)).extracting(Shelf::getName)
                    .containsExactly("outer");
        });
    }

    @Test
    void requiresNewInsideATransactionGetsAnIdentityMapOfItsOwn() {
        run(context -> {
            AsyncDatabase db = context.getBean(AsyncDatabase.class);
            db.asave(Shelf.named("a")).block(TIMEOUT);
            TransactionalOperator inner = TransactionalOperator.create(context.getBean(ReactiveTransactionManager.class),
                    new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW));

            db.aselect(Shelf.class).getOrRaise()
                    .zipWhen(outer -> db.aselect(Shelf.class).getOrRaise().as(inner::transactional))
                    .zipWhen(both -> db.aselect(Shelf.class).getOrRaise())
                    .as(context.getBean(TransactionalOperator.class)::transactional)
                    .as(StepVerifier::create)
                    .assertNext(loaded -> {
                        assertThat(loaded.getT1().getT2()).as("inner").isNotSameAs(loaded.getT1().getT1());
                        assertThat(loaded.getT2()).as("outer again, after the inner one").isSameAs(loaded.getT1().getT1());
                    })
                    .verifyComplete();
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class ServiceConfiguration {

        @Bean
        ShelfService joinShelfService(AsyncDatabase db, ConnectionFactory connectionFactory) {
            return new ShelfService(db, connectionFactory);
        }
    }

    /** A service whose methods are @Transactional and use plain nextorm calls. */
    public static class ShelfService {

        private final AsyncDatabase db;
        private final ConnectionFactory connectionFactory;

        public ShelfService(AsyncDatabase db, ConnectionFactory connectionFactory) {
            this.db = db;
            this.connectionFactory = connectionFactory;
        }

        @Transactional
        public Mono<Void> rename(Long id, String name, boolean fail) {
            return db.aselect(Shelf.class).filter(Shelf_.id.eq(id)).getOrRaise()
                    .doOnNext(shelf -> shelf.setName(name))
                    .then(fail ? Mono.error(new IllegalStateException("rolled back")) : Mono.empty());
        }

        @Transactional
        public Mono<List<Long>> lockAndLookFromElsewhere(Long id) {
            return db.aselect(Shelf.class).filter(Shelf_.id.eq(id)).forUpdate().getOrRaise()
                    .then(Mono.usingWhen(Mono.from(connectionFactory.create()),
                            connection -> Mono.from(connection.beginTransaction())
                                    .thenMany(select(connection, "SELECT id FROM shelf WHERE id = " + id
                                            + " FOR UPDATE SKIP LOCKED"))
                                    .collectList()
                                    .flatMap(ids -> Mono.from(connection.rollbackTransaction()).thenReturn(ids)),
                            Connection::close));
        }

        private static Flux<Long> select(Connection connection, String sql) {
            return Flux.from(connection.createStatement(sql).execute())
                    .flatMap(result -> result.map(row -> ((Number) row.get(0)).longValue()));
        }
    }
}
