package io.nextorm.spring.transaction;

import io.nextorm.spi.TransactionScoped;
import org.springframework.core.Ordered;
import org.springframework.r2dbc.connection.ConnectionFactoryUtils;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Binds nextorm state (a session's identity map) to a Spring reactive transaction as one of its
 * resources, and synchronizes it with the transaction: flushed before the commit, unbound while the
 * transaction is suspended (a {@code REQUIRES_NEW} inside it gets state of its own), cleared once
 * the transaction has ended.
 */
final class TransactionBinding {

    private TransactionBinding() {
    }

    /**
     * The state bound under a key, made and bound when there is none.
     *
     * @param manager the transaction's synchronizations, or null outside a synchronized transaction
     * @param key what the state belongs to
     * @param create makes the state
     * @param keep whether the state should survive the transaction's end (a session going on in a
     *             new transaction)
     * @param <S> the state's type
     * @return the state
     */
    @SuppressWarnings("unchecked")
    static <S extends TransactionScoped> S bind(TransactionSynchronizationManager manager, Object key,
                                                Supplier<S> create, BooleanSupplier keep) {
        if (manager == null || !manager.isSynchronizationActive()) {
            return create.get();
        }
        Object existing = manager.getResource(key);
        if (existing != null) {
            return (S) existing;
        }
        S state = create.get();
        register(manager, key, state, keep);
        return state;
    }

    /**
     * Binds state under a key and registers its synchronization, unless something is bound there.
     *
     * @param manager the transaction's synchronizations
     * @param key the key
     * @param state the state
     * @param keep whether the state should survive the transaction's end
     */
    static void register(TransactionSynchronizationManager manager, Object key, TransactionScoped state,
                         BooleanSupplier keep) {
        if (manager == null || !manager.isSynchronizationActive() || manager.hasResource(key)) {
            return;
        }
        manager.bindResource(key, state);
        manager.registerSynchronization(new StateSynchronization(manager, key, state, keep));
    }

    /** Flushes bound state before the commit and clears it after the transaction's end. */
    private record StateSynchronization(TransactionSynchronizationManager manager, Object key,
                                        TransactionScoped state, BooleanSupplier keep)
            implements TransactionSynchronization, Ordered {

        @Override
        public int getOrder() {
            // before the connection's own synchronization, so the flush still has the connection
            return ConnectionFactoryUtils.CONNECTION_SYNCHRONIZATION_ORDER - 100;
        }

        @Override
        public Mono<Void> suspend() {
            return Mono.fromRunnable(() -> manager.unbindResourceIfPossible(key));
        }

        @Override
        public Mono<Void> resume() {
            return Mono.fromRunnable(() -> {
                if (!manager.hasResource(key)) {
                    manager.bindResource(key, state);
                }
            });
        }

        @Override
        public Mono<Void> beforeCommit(boolean readOnly) {
            return state.beforeCommit();
        }

        @Override
        public Mono<Void> afterCompletion(int completion) {
            return Mono.fromRunnable(() -> {
                manager.unbindResourceIfPossible(key);
                if (!keep.getAsBoolean()) {
                    state.afterCompletion(completion == STATUS_COMMITTED);
                }
            });
        }
    }
}
