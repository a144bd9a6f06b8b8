package io.nextorm.spring.transaction;

import io.nextorm.AsyncDatabase;
import io.nextorm.DbSession;
import io.nextorm.TransactionException;
import io.nextorm.internal.session.ConnectionTransactionSupport;
import io.nextorm.spring.boot.autoconfigure.NextOrmAutoConfiguration;
import io.nextorm.spring.boot.autoconfigure.fixture.FixtureConfiguration;
import io.nextorm.spring.boot.autoconfigure.fixture.Shelf;
import io.nextorm.spring.boot.autoconfigure.fixture.Shelf_;
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
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** nextorm's sessions and plain calls in Spring's reactive transactions, on the embedded H2. */
class SpringTransactionSupportTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class,
                    R2dbcTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                    NextOrmAutoConfiguration.class))
            .withUserConfiguration(FixtureConfiguration.class, ServiceConfiguration.class)
            .withPropertyValues("spring.r2dbc.generate-unique-name=true", "nextorm.schema=create");

    @Test
    void databaseGetsTheSpringTransactionSupport() {
        runner.run(context -> assertThat(context.getBean(AsyncDatabase.class).transactionSupport())
                .isInstanceOf(SpringTransactionSupport.class)
                .isSameAs(context.getBean(SpringTransactionSupport.class)));
    }

    @Test
    void databaseKeepsPlainTransactionsWithoutATransactionManager() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, NextOrmAutoConfiguration.class))
                .withUserConfiguration(FixtureConfiguration.class)
                .withPropertyValues("spring.r2dbc.generate-unique-name=true", "nextorm.schema=create")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(SpringTransactionSupport.class);
                    assertThat(context.getBean(AsyncDatabase.class).transactionSupport())
                            .isInstanceOf(ConnectionTransactionSupport.class);
                });
    }

    @Test
    void plainCallsInATransactionalOperatorThatFailsLeaveNoRow() {
        runner.run(context -> {
            AsyncDatabase db = context.getBean(AsyncDatabase.class);
            db.asave(Shelf.named("a")).then(db.asave(Shelf.named("b")))
                    .then(Mono.error(new IllegalStateException("boom")))
                    .as(context.getBean(TransactionalOperator.class)::transactional)
                    .as(StepVerifier::create)
                    .verifyErrorMessage("boom");

            assertThat(shelves(context)).isZero();
        });
    }

    @Test
    void sessionInATransactionalOperatorThatFailsAfterItLeavesNoRow() {
        runner.run(context -> {
            AsyncDatabase db = context.getBean(AsyncDatabase.class);
            db.session(s -> {
                        s.add(Shelf.named("a"));
                        return Mono.just(1);
                    })
                    .then(Mono.error(new IllegalStateException("boom")))
                    .as(context.getBean(TransactionalOperator.class)::transactional)
                    .as(StepVerifier::create)
                    .verifyErrorMessage("boom");

            assertThat(shelves(context)).isZero();
        });
    }

    @Test
    void transactionalMethodCommitsItsWritesTogether() {
        runner.run(context -> {
            ShelfService service = context.getBean(ShelfService.class);
            service.saveThree(false).as(StepVerifier::create).verifyComplete();

            assertThat(shelves(context)).isEqualTo(3);
        });
    }

    @Test
    void transactionalMethodThatFailsWritesNothing() {
        runner.run(context -> {
            ShelfService service = context.getBean(ShelfService.class);
            service.saveThree(true).as(StepVerifier::create).verifyErrorMessage("after three writes");

            assertThat(shelves(context)).isZero();
        });
    }

    @Test
    void nextormAndDatabaseClientSeeEachOthersUncommittedRows() {
        runner.run(context -> {
            AsyncDatabase db = context.getBean(AsyncDatabase.class);
            DatabaseClient client = DatabaseClient.create(context.getBean(ConnectionFactory.class));
            Mono<long[]> counts = db.asave(Shelf.named("by nextorm"))
                    .then(client.sql("INSERT INTO shelf (name) VALUES ('by client')").then())
                    .then(Mono.zip(
                            client.sql("SELECT COUNT(*) FROM shelf").map(row -> row.get(0, Long.class)).one(),
                            db.aselect(Shelf.class).count(),
                            countOutside(context)))
                    .map(t -> new long[] {t.getT1(), t.getT2(), t.getT3()});

            counts.as(context.getBean(TransactionalOperator.class)::transactional)
                    .as(StepVerifier::create)
                    .assertNext(seen -> assertThat(seen).as("client, nextorm, another connection")
                            .containsExactly(2, 2, 0))
                    .verifyComplete();
            assertThat(shelves(context)).isEqualTo(2);
        });
    }

    @Test
    void sessionOutsideASpringTransactionBeginsOneThatSpringCodeJoins() {
        runner.run(context -> {
            AsyncDatabase db = context.getBean(AsyncDatabase.class);
            DatabaseClient client = DatabaseClient.create(context.getBean(ConnectionFactory.class));
            db.session(s -> db.asave(Shelf.named("in session"))
                            .then(TransactionSynchronizationManager.forCurrentTransaction())
                            .map(TransactionSynchronizationManager::isActualTransactionActive)
                            .zipWith(client.sql("SELECT COUNT(*) FROM shelf").map(row -> row.get(0, Long.class)).one()))
                    .as(StepVerifier::create)
                    .assertNext(seen -> {
                        assertThat(seen.getT1()).as("a Spring transaction is active").isTrue();
                        assertThat(seen.getT2()).as("DatabaseClient sees the session's row").isEqualTo(1);
                    })
                    .verifyComplete();
            assertThat(shelves(context)).isEqualTo(1);
        });
    }

    @Test
    void sessionFlushesChangesMadeAfterItsWorkBeforeTheSpringCommit() {
        runner.run(context -> {
            AsyncDatabase db = context.getBean(AsyncDatabase.class);
            db.asave(Shelf.named("old")).block(TIMEOUT);

            db.session(s -> db.aselect(Shelf.class).getOrRaise())
                    .doOnNext(shelf -> shelf.setName("changed after the session's work"))
                    .then(countOutside(context, "changed after the session's work"))
                    .as(context.getBean(TransactionalOperator.class)::transactional)
                    .as(StepVerifier::create)
                    .expectNext(0L)
                    .verifyComplete();

            assertThat(db.aselect(Shelf.class).filter(Shelf_.name.eq("changed after the session's work")).count()
                    .block(TIMEOUT)).isEqualTo(1);
        });
    }

    @Test
    void identityMapIsBoundToTheTransactionAndClearedAfterIt() {
        runner.run(context -> {
            AsyncDatabase db = context.getBean(AsyncDatabase.class);
            db.asave(Shelf.named("a")).block(TIMEOUT);
            DbSession[] sessions = new DbSession[2];
            Shelf[] loaded = new Shelf[2];
            boolean[] containedBetween = new boolean[1];

            db.session(s -> {
                        sessions[0] = s;
                        return db.aselect(Shelf.class).getOrRaise().doOnNext(shelf -> loaded[0] = shelf);
                    })
                    .doOnNext(shelf -> containedBetween[0] = sessions[0].contains(shelf))
                    .then(db.session(s -> {
                        sessions[1] = s;
                        return db.aselect(Shelf.class).getOrRaise().doOnNext(shelf -> loaded[1] = shelf);
                    }))
                    .as(context.getBean(TransactionalOperator.class)::transactional)
                    .block(TIMEOUT);

            assertThat(containedBetween[0]).as("still bound between the sessions").isTrue();
            assertThat(sessions[1]).isSameAs(sessions[0]);
            assertThat(loaded[1]).isSameAs(loaded[0]);
            assertThat(sessions[0].contains(loaded[0])).as("cleared after the transaction").isFalse();
        });
    }

    @Test
    void failingSessionRollsBackTheWholeSpringTransaction() {
        runner.run(context -> {
            AsyncDatabase db = context.getBean(AsyncDatabase.class);
            DatabaseClient client = DatabaseClient.create(context.getBean(ConnectionFactory.class));
            client.sql("INSERT INTO shelf (name) VALUES ('by client')").then()
                    .then(db.session(s -> db.asave(Shelf.named("x")).then(Mono.error(new IllegalStateException("boom")))))
                    .as(context.getBean(TransactionalOperator.class)::transactional)
                    .as(StepVerifier::create)
                    .verifyErrorMessage("boom");

            assertThat(shelves(context)).isZero();
        });
    }

    @Test
    void failedSessionWhoseErrorIsCaughtUndoesOnlyItsOwnWrites() {
        runner.run(context -> {
            AsyncDatabase db = context.getBean(AsyncDatabase.class);
            DatabaseClient client = DatabaseClient.create(context.getBean(ConnectionFactory.class));
            client.sql("INSERT INTO shelf (name) VALUES ('by client')").then()
                    .then(db.session(s -> db.asave(Shelf.named("x")).then(Mono.error(new IllegalStateException("boom"))))
                            .onErrorResume(IllegalStateException.class, e -> Mono.empty()))
                    .as(context.getBean(TransactionalOperator.class)::transactional)
                    .as(StepVerifier::create)
                    .verifyComplete();

            assertThat(names(context)).as("rolled back to the savepoint before the session").containsExactly("by client");
        });
    }

    @Test
    void acommitOfASessionThatBeganItsTransactionCommitsThroughTheManagerAndGoesOn() {
        runner.run(context -> {
            AsyncDatabase db = context.getBean(AsyncDatabase.class);
            db.session(s -> db.asave(Shelf.named("committed"))
                            .then(db.acommit())
                            .then(countOutside(context))
                            .flatMap(seen -> db.asave(Shelf.named("rolled back"))
                                    .then(db.arollback())
                                    .then(TransactionSynchronizationManager.forCurrentTransaction())
                                    .map(manager -> seen + (manager.isActualTransactionActive() ? 100 : 0))))
                    .as(StepVerifier::create)
                    .expectNext(101L)
                    .verifyComplete();

            assertThat(db.aselect(Shelf.class).fetchAll().block(TIMEOUT)).extracting(Shelf::getName)
                    .containsExactly("committed");
        });
    }

    @Test
    void acommitOfASessionThatJoinedASpringTransactionIsRefused() {
        runner.run(context -> {
            AsyncDatabase db = context.getBean(AsyncDatabase.class);
            db.session(s -> db.asave(Shelf.named("x")).then(db.acommit()))
                    .as(context.getBean(TransactionalOperator.class)::transactional)
                    .as(StepVerifier::create)
                    .verifyErrorSatisfies(error -> assertThat(error).isInstanceOf(TransactionException.class)
                            .hasMessageContaining("did not begin"));

            assertThat(shelves(context)).isZero();
        });
    }

    private static java.util.List<String> names(ApplicationContext context) {
        return DatabaseClient.create(context.getBean(ConnectionFactory.class)).sql("SELECT name FROM shelf ORDER BY id")
                .map(row -> row.get(0, String.class)).all().collectList().block(TIMEOUT);
    }

    private static long shelves(ApplicationContext context) {
        return countOutside(context).block(TIMEOUT);
    }

    /** Counts on a connection of its own, outside every transaction. */
    private static Mono<Long> countOutside(ApplicationContext context) {
        return Mono.usingWhen(Mono.from(context.getBean(ConnectionFactory.class).create()),
                connection -> Mono.from(connection.createStatement("SELECT COUNT(*) FROM shelf").execute())
                        .flatMap(result -> Mono.from(result.map(row -> row.get(0, Long.class)))),
                connection -> connection.close());
    }

    private static Mono<Long> countOutside(ApplicationContext context, String name) {
        return Mono.usingWhen(Mono.from(context.getBean(ConnectionFactory.class).create()),
                connection -> Mono.from(connection.createStatement("SELECT COUNT(*) FROM shelf WHERE name = $1")
                                .bind(0, name).execute())
                        .flatMap(result -> Mono.from(result.map(row -> row.get(0, Long.class)))),
                connection -> connection.close());
    }

    @Configuration(proxyBeanMethods = false)
    static class ServiceConfiguration {

        @Bean
        ShelfService shelfService(AsyncDatabase db, ConnectionFactory connectionFactory) {
            return new ShelfService(db, DatabaseClient.create(connectionFactory));
        }
    }

    /** A service whose method is @Transactional. */
    public static class ShelfService {

        private final AsyncDatabase db;
        private final DatabaseClient client;

        public ShelfService(AsyncDatabase db, DatabaseClient client) {
            this.db = db;
            this.client = client;
        }

        @Transactional
        public Mono<Void> saveThree(boolean fail) {
            return db.asave(Shelf.named("one"))
                    .then(db.session(s -> {
                        s.add(Shelf.named("two"));
                        return Mono.empty();
                    }))
                    .then(client.sql("INSERT INTO shelf (name) VALUES ('three')").then())
                    .then(fail ? Mono.error(new IllegalStateException("after three writes")) : Mono.empty());
        }
    }
}
