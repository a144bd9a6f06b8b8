package io.nextorm.spring.transaction;

import io.nextorm.TransactionException;
import io.nextorm.spi.TransactionHandle;
import io.nextorm.spi.TransactionScoped;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.r2dbc.connection.ConnectionHolder;
import org.springframework.transaction.reactive.TransactionContext;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import java.util.function.Supplier;

/**
 * A Spring reactive transaction ({@code @Transactional}, {@code TransactionalOperator}) that plain
 * nextorm calls join: its connection, and its synchronizations to bind the calls' shared identity
 * map to. Its owner ends it, so {@link #commit()} and {@link #rollback()} fail.
 */
final class RunningSpringTransaction implements TransactionHandle {

    private final TransactionSynchronizationManager manager;
    private final Connection connection;

    private RunningSpringTransaction(TransactionSynchronizationManager manager, Connection connection) {
        this.manager = manager;
        this.connection = connection;
    }

    /**
     * The Spring transaction a subscriber runs in, over a connection factory.
     *
     * @param connectionFactory the database's connection factory
     * @param context the subscriber's context
     * @return the transaction, or null when there is no active synchronized one over the factory
     */
    static TransactionHandle find(ConnectionFactory connectionFactory, ContextView context) {
        Object found = context.getOrDefault(TransactionContext.class, null);
        if (!(found instanceof TransactionContext transaction) || !transaction.isActualTransactionActive()
                || transaction.getSynchronizations() == null) {
            return null;
        }
        Object resource = transaction.getResources().get(connectionFactory);
        if (!(resource instanceof ConnectionHolder holder)) {
            return null;
        }
        Connection connection;
        try {
            connection = holder.getConnection();
        } catch (IllegalStateException released) {
            return null;
        }
        return new RunningSpringTransaction(new TransactionSynchronizationManager(transaction), connection);
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public Mono<Void> commit() {
        return refuse("acommit");
    }

    @Override
    public Mono<Void> rollback() {
        return refuse("arollback");
    }

    private static Mono<Void> refuse(String method) {
        return Mono.error(new TransactionException(method + "() inside a Spring transaction (@Transactional, "
                + "TransactionalOperator): that transaction ends when its owner completes. Use aflush() to write the "
                + "changes now, or throw to roll back; or run the work in a transaction of its own "
                + "(Propagation.REQUIRES_NEW, or db.session(...) outside any Spring transaction)"));
    }

    @Override
    public <S extends TransactionScoped> S bind(Object key, Supplier<S> create) {
        return TransactionBinding.bind(manager, key, create, () -> false);
    }
}
