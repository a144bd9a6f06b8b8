package io.nextorm.spring.transaction;

import io.nextorm.TransactionException;
import io.nextorm.spi.TransactionHandle;
import io.nextorm.spi.TransactionScoped;
import io.nextorm.spi.TransactionSupport;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.reactivestreams.Publisher;
import org.springframework.r2dbc.connection.ConnectionFactoryUtils;
import org.springframework.transaction.ReactiveTransaction;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionContextManager;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * nextorm's {@link TransactionSupport} over Spring's {@link ReactiveTransactionManager}: nextorm's
 * sessions and Spring's reactive transactions are one and the same.
 *
 * <pre>{@code
 * db.setTransactionSupport(new SpringTransactionSupport(transactionManager));   // the starter does this
 *
 * @Transactional
 * public Mono<Void> transfer(long from, long to) {
 *     return db.session(s -> ...)                          // joins the @Transactional transaction
 *             .then(databaseClient.sql("...").then());      // same transaction, same connection
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@code db.session(...)} asks the manager for a transaction with its definition (by default
 *       {@code PROPAGATION_NESTED}): inside {@code @Transactional} or a
 *       {@code TransactionalOperator} the session joins that transaction, behind a savepoint, so that
 *       a session that fails takes back its own writes even when the caller catches its error;
 *       elsewhere it begins a transaction that Spring code called from the session's work
 *       ({@code DatabaseClient}, other {@code @Transactional} methods) joins in turn. Statements go
 *       to the transaction's connection ({@link ConnectionFactoryUtils#getConnection}).</li>
 *   <li>The session's identity map is bound to the Spring transaction: every session of the same
 *       database in that transaction shares it, it is flushed before the transaction commits (also
 *       changes made after the session's work ended) and cleared once the transaction completed.</li>
 *   <li>{@code db.acommit()} and {@code db.arollback()} commit or roll back through the manager and
 *       go on in a new transaction, in a session that began its transaction; in a session that
 *       joined one they fail with a {@link TransactionException}, since the transaction's owner
 *       ends it.</li>
 *   <li>Calls outside a session ({@code db.aselect(...)}, {@code db.asave(...)}) inside a Spring
 *       transaction run on its connection, so they are part of it ({@link #withConnection}).</li>
 * </ul>
 * The manager must manage the connection factory the database is bound to (Spring Boot's
 * {@code R2dbcTransactionManager} does).
 */
public final class SpringTransactionSupport implements TransactionSupport {

    private final ReactiveTransactionManager transactionManager;
    private final TransactionDefinition definition;

    /**
     * Sessions in transactions of the manager with the default definition: propagation nested (a
     * new transaction, or a savepoint in the running one), the database's isolation level,
     * read-write, no timeout.
     *
     * @param transactionManager the manager, over the connection factory the database is bound to
     */
    public SpringTransactionSupport(ReactiveTransactionManager transactionManager) {
        this(transactionManager, new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED));
    }

    /**
     * Sessions in transactions of the manager with a definition of their own.
     *
     * @param transactionManager the manager, over the connection factory the database is bound to
     * @param definition propagation, isolation, timeout and read-only flag of each session's transaction
     */
    public SpringTransactionSupport(ReactiveTransactionManager transactionManager, TransactionDefinition definition) {
        if (transactionManager == null || definition == null) {
            throw new IllegalArgumentException("SpringTransactionSupport needs a ReactiveTransactionManager and a "
                    + "TransactionDefinition");
        }
        this.transactionManager = transactionManager;
        this.definition = definition;
    }

    /**
     * Runs a session's work in a transaction of the manager: the running Spring transaction (behind
     * a savepoint, with the default definition), or a new one that commits when the work completes
     * and rolls back when it fails or is cancelled (the work's error passes on unchanged).
     *
     * @param connectionFactory the database's connection factory
     * @param work the session's work
     * @param <T> the element type
     * @return the work's elements; completes after the commit
     */
    @Override
    public <T> Flux<T> inTransaction(ConnectionFactory connectionFactory,
                                     Function<TransactionHandle, ? extends Publisher<T>> work) {
        return Flux.usingWhen(
                        Mono.defer(() -> {
                            SpringTransaction transaction = new SpringTransaction(connectionFactory);
                            return transaction.begin().thenReturn(transaction);
                        }),
                        work,
                        SpringTransaction::commitAtEnd,
                        SpringTransaction::rollbackAtEnd,
                        transaction -> transaction.rollbackAtEnd(null))
                .contextWrite(TransactionContextManager.getOrCreateContext())
                .contextWrite(TransactionContextManager.getOrCreateContextHolder());
    }

    /**
     * Runs one statement's work, outside a session, on the connection of the running Spring
     * transaction; without one, on a new connection that is closed afterwards.
     *
     * @param connectionFactory the database's connection factory
     * @param work what to do with the connection
     * @param <T> the element type
     * @return the work's elements
     */
    @Override
    public <T> Flux<T> withConnection(ConnectionFactory connectionFactory,
                                      Function<Connection, ? extends Publisher<T>> work) {
        return Flux.usingWhen(ConnectionFactoryUtils.getConnection(connectionFactory), work,
                connection -> closeUnlessTransactional(connection, connectionFactory));
    }

    // as DatabaseClient does: a transaction's connection is closed by its manager. (releaseConnection
    // would reset the transaction's ConnectionHolder, and the manager's cleanup would find no connection.)
    private static Mono<Void> closeUnlessTransactional(Connection connection, ConnectionFactory connectionFactory) {
        return ConnectionFactoryUtils.currentConnectionFactory(connectionFactory)
                .hasElement()
                .onErrorReturn(false)
                .flatMap(transactional -> transactional ? Mono.<Void>empty() : Mono.from(connection.close()));
    }

    /**
     * The running Spring transaction over the connection factory ({@code @Transactional},
     * {@code TransactionalOperator}), for plain calls made in it outside {@code db.session(...)}:
     * they share one identity map bound to it, flushed before its commit and cleared after its end.
     *
     * @param connectionFactory the database's connection factory
     * @param context the subscriber's context
     * @return the transaction, or null outside one
     */
    @Override
    public TransactionHandle joinRunning(ConnectionFactory connectionFactory, ContextView context) {
        return RunningSpringTransaction.find(connectionFactory, context);
    }

    @Override
    public String toString() {
        return "SpringTransactionSupport[" + transactionManager + "]";
    }

    /** One session's transaction: the manager's status, the transaction's connection. */
    private final class SpringTransaction implements TransactionHandle {

        private final ConnectionFactory connectionFactory;
        private final Map<Object, TransactionScoped> bound = new LinkedHashMap<>();
        private volatile ReactiveTransaction status;
        private volatile Connection connection;
        private volatile TransactionSynchronizationManager synchronizations;
        private volatile boolean restarting;

        SpringTransaction(ConnectionFactory connectionFactory) {
            this.connectionFactory = connectionFactory;
        }

        Mono<Void> begin() {
            return transactionManager.getReactiveTransaction(definition)
                    .flatMap(began -> ConnectionFactoryUtils.getConnection(connectionFactory)
                            .zipWith(TransactionSynchronizationManager.forCurrentTransaction())
                            .doOnNext(tuple -> {
                                status = began;
                                connection = tuple.getT1();
                                synchronizations = tuple.getT2();
                                synchronized (bound) {
                                    bound.forEach(this::register);
                                }
                            })
                            .onErrorResume(error -> transactionManager.rollback(began)
                                    .onErrorResume(rollbackError -> {
                                        error.addSuppressed(rollbackError);
                                        return Mono.empty();
                                    })
                                    .then(Mono.error(error))))
                    .then();
        }

        @Override
        public Connection connection() {
            return connection;
        }

        @Override
        public Mono<Void> commit() {
            return restart("acommit", transactionManager::commit);
        }

        @Override
        public Mono<Void> rollback() {
            return restart("arollback", transactionManager::rollback);
        }

        private Mono<Void> restart(String method, Function<ReactiveTransaction, Mono<Void>> end) {
            return Mono.defer(() -> {
                ReactiveTransaction current = status;
                if (!current.isNewTransaction() || current.isNested()) {
                    return Mono.error(new TransactionException(method + "() in a session that joined a Spring "
                            + "transaction it did not begin (@Transactional, TransactionalOperator): that transaction "
                            + "ends when its owner completes. Use aflush() to write the changes now, or run the "
                            + "session in a transaction of its own (Propagation.REQUIRES_NEW)"));
                }
                restarting = true;
                return end.apply(current).then(Mono.defer(this::begin))
                        .doFinally(signal -> restarting = false);
            });
        }

        // the transaction's connection is not released here: its manager closes it when the transaction ends
        Mono<Void> commitAtEnd() {
            return Mono.defer(() -> transactionManager.commit(status));
        }

        Mono<Void> rollbackAtEnd(Throwable error) {
            return Mono.defer(() -> transactionManager.rollback(status))
                    .onErrorResume(rollbackError -> {
                        if (error != null && error != rollbackError) {
                            error.addSuppressed(rollbackError);
                        }
                        return Mono.empty();
                    });
        }

        /**
         * Binds state to the Spring transaction as a resource, so that sessions of the same database
         * in it share the state, and synchronizes it with the transaction's end.
         */
        @Override
        public <S extends TransactionScoped> S bind(Object key, Supplier<S> create) {
            synchronized (bound) {
                S state = TransactionBinding.bind(synchronizations, key, create, () -> restarting);
                bound.putIfAbsent(key, state);
                return state;
            }
        }

        private void register(Object key, TransactionScoped state) {
            TransactionBinding.register(synchronizations, key, state, () -> restarting);
        }
    }
}
