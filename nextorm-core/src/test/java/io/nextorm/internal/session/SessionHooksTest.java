package io.nextorm.internal.session;

import io.nextorm.spi.SessionListener;

import io.nextorm.spi.TransactionHandle;
import io.nextorm.spi.TransactionScoped;
import io.nextorm.spi.TransactionSupport;

import io.nextorm.AsyncDatabase;
import io.nextorm.DbSession;
import io.nextorm.OptimisticCheckException;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Author_;
import io.nextorm.testkit.model.Tag;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hooks that integrations build on, on H2: {@link SessionListener},
 * {@link TransactionSupport#withConnection} and {@link TransactionHandle#bind}.
 */
class SessionHooksTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private ConnectionFactory factory;
    private AsyncDatabase db;
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        db = new AsyncDatabase(List.of(Author.class, Article.class, Tag.class));
        factory = ConnectionFactories.get("r2dbc:h2:mem:///hooks" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        db.bind(factory).block(TIMEOUT);
        db.generateMapping(true, true).block(TIMEOUT);
        db.addSessionListener(new SessionListener() {
            @Override
            public void sessionStarted() {
                events.add("started");
            }

            @Override
            public void committed() {
                events.add("committed");
            }

            @Override
            public void rolledBack() {
                events.add("rolledBack");
            }

            @Override
            public void optimisticCheckFailed(OptimisticCheckException exception) {
                events.add("optimistic");
            }
        });
    }

    @AfterEach
    void close() {
        db.close().block(TIMEOUT);
    }

    @Test
    void listenerHearsASessionStartAndCommit() {
        db.session(s -> db.asave(new Author("ann"))).block(TIMEOUT);

        assertThat(events).containsExactly("started", "committed");
    }

    @Test
    void listenerHearsARollbackWhenTheWorkFails() {
        assertThatThrownBy(() -> db.session(s -> Mono.error(new IllegalStateException("boom"))).block(TIMEOUT))
                .hasMessage("boom");

        assertThat(events).containsExactly("started", "rolledBack");
    }

    @Test
    void nestedSessionIsNotASecondSession() {
        db.session(s -> db.session(inner -> db.asave(new Author("ann")))).block(TIMEOUT);

        assertThat(events).containsExactly("started", "committed");
    }

    @Test
    void listenerHearsAcommitAndArollback() {
        db.session(s -> db.asave(new Author("ann")).then(db.acommit()).then(db.arollback())).block(TIMEOUT);

        assertThat(events).containsExactly("started", "committed", "rolledBack", "committed");
    }

    @Test
    void listenerHearsAnOptimisticCheckFailureOutsideASession() {
        Article article = db.asave(new Article("a")).block(TIMEOUT);
        article.setVersion(article.getVersion() + 5);

        assertThatThrownBy(() -> db.asave(article).block(TIMEOUT)).isInstanceOf(OptimisticCheckException.class);
        assertThat(events).containsExactly("optimistic");
    }

    @Test
    void listenerHearsAnOptimisticCheckFailureOfAFlush() {
        db.asave(new Author("ann")).block(TIMEOUT);

        assertThatThrownBy(() -> db.session(s -> db.aselect(Author.class).getOrRaise()
                .flatMap(author -> db.execute("DELETE FROM author").doOnNext(rows -> author.name = "bob")))
                .block(TIMEOUT)).isInstanceOf(OptimisticCheckException.class);
        assertThat(events).containsExactly("started", "optimistic", "rolledBack");
    }

    @Test
    void statementsOutsideASessionGetTheirConnectionFromTheTransactionSupport() {
        List<String> connections = new CopyOnWriteArrayList<>();
        db.setTransactionSupport(new TransactionSupport() {
            @Override
            public <T> Flux<T> inTransaction(ConnectionFactory factory,
                                             Function<TransactionHandle, ? extends Publisher<T>> work) {
                return ConnectionTransactionSupport.create().inTransaction(factory, work);
            }

            @Override
            public <T> Flux<T> withConnection(ConnectionFactory factory,
                                              Function<Connection, ? extends Publisher<T>> work) {
                connections.add("asked");
                return TransactionSupport.super.withConnection(factory, work);
            }
        });

        db.asave(new Author("ann")).then(db.aselect(Author.class).count()).block(TIMEOUT);
        db.session(s -> db.aselect(Author.class).count()).block(TIMEOUT);

        assertThat(connections).hasSize(2);
    }

    @Test
    void stateBoundToATransactionIsSharedByItsSessionsAndSynchronizedWithIt() {
        SharedTransactionSupport shared = new SharedTransactionSupport(factory);
        db.setTransactionSupport(shared);
        db.asave(new Author("ann")).block(TIMEOUT);
        DbSession[] sessions = new DbSession[2];
        Author[] loaded = new Author[2];

        shared.run(db.session(s -> {
            sessions[0] = s;
            return db.aselect(Author.class).getOrRaise().doOnNext(a -> loaded[0] = a);
        }).then(db.session(s -> {
            sessions[1] = s;
            return db.aselect(Author.class).getOrRaise().doOnNext(a -> loaded[1] = a);
        })).doOnSuccess(ignored -> loaded[1].name = "changed after both sessions ended")).block(TIMEOUT);

        assertThat(sessions[1]).isSameAs(sessions[0]);
        assertThat(loaded[1]).isSameAs(loaded[0]);
        assertThat(db.aselect(Author.class).filter(Author_.name.eq("changed after both sessions ended")).count()
                .block(TIMEOUT)).as("flushed before the commit").isEqualTo(1);
        assertThat(sessions[0].contains(loaded[0])).as("cleared after completion").isFalse();
    }

    /**
     * A transaction that an outer caller owns ({@link #run}), which sessions join, binding their
     * state to it, as a Spring transaction does.
     */
    private static final class SharedTransactionSupport implements TransactionSupport {

        private final ConnectionFactory factory;
        private final Map<Object, TransactionScoped> bound = new java.util.concurrent.ConcurrentHashMap<>();
        private volatile Connection outer;

        SharedTransactionSupport(ConnectionFactory factory) {
            this.factory = factory;
        }

        <T> Mono<T> run(Mono<T> work) {
            return Mono.usingWhen(factory.create(), connection -> {
                outer = connection;
                return Mono.from(connection.beginTransaction())
                        .then(work)
                        .flatMap(value -> Flux.fromIterable(bound.values()).concatMap(TransactionScoped::beforeCommit)
                                .then(Mono.from(connection.commitTransaction()))
                                .then(Mono.fromRunnable(() -> {
                                    bound.values().forEach(state -> state.afterCompletion(true));
                                    bound.clear();
                                    outer = null;
                                }))
                                .thenReturn(value));
            }, Connection::close);
        }

        @Override
        public <T> Flux<T> inTransaction(ConnectionFactory factory,
                                         Function<TransactionHandle, ? extends Publisher<T>> work) {
            if (outer == null) {
                return ConnectionTransactionSupport.create().inTransaction(factory, work);
            }
            TransactionHandle joined = new TransactionHandle() {
                @Override
                public Connection connection() {
                    return outer;
                }

                @Override
                public Mono<Void> commit() {
                    return Mono.error(new UnsupportedOperationException());
                }

                @Override
                public Mono<Void> rollback() {
                    return Mono.error(new UnsupportedOperationException());
                }

                @Override
                @SuppressWarnings("unchecked")
                public <S extends TransactionScoped> S bind(Object key, Supplier<S> create) {
                    return (S) bound.computeIfAbsent(key, k -> create.get());
                }
            };
            return Flux.from(work.apply(joined));
        }
    }
}
