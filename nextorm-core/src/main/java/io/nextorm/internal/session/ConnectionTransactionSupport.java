package io.nextorm.internal.session;

import io.nextorm.spi.TransactionHandle;
import io.nextorm.spi.TransactionSupport;

import io.nextorm.TransactionException;
import io.nextorm.internal.execution.InterruptedConnections;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.TransactionDefinition;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.function.Function;

/**
 * Transactions over plain R2DBC connections, the default {@link TransactionSupport}: one new
 * connection from the factory per session, {@code beginTransaction} (with an isolation level if one
 * is given, else the driver's default), {@code commitTransaction} or {@code rollbackTransaction} at
 * the end, auto-commit switched back on, and the connection closed (returned to the pool).
 *
 * <pre>{@code
 * db.setTransactionSupport(ConnectionTransactionSupport.create(IsolationLevel.REPEATABLE_READ));
 * }</pre>
 */
public final class ConnectionTransactionSupport implements TransactionSupport {

    private final IsolationLevel isolationLevel;

    private ConnectionTransactionSupport(IsolationLevel isolationLevel) {
        this.isolationLevel = isolationLevel;
    }

    /**
     * Transactions at the driver's default isolation level.
     *
     * @return the support
     */
    public static ConnectionTransactionSupport create() {
        return new ConnectionTransactionSupport(null);
    }

    /**
     * Transactions at an isolation level.
     *
     * @param isolationLevel the level every session's transactions use
     * @return the support
     */
    public static ConnectionTransactionSupport create(IsolationLevel isolationLevel) {
        if (isolationLevel == null) {
            throw new IllegalArgumentException("create(IsolationLevel) needs a level; use create() for the driver's default");
        }
        return new ConnectionTransactionSupport(isolationLevel);
    }

    @Override
    public <T> Flux<T> inTransaction(ConnectionFactory connectionFactory,
                                     Function<TransactionHandle, ? extends Publisher<T>> work) {
        return Flux.usingWhen(
                Mono.from(connectionFactory.create()).flatMap(connection -> begin(connection)
                        .thenReturn(new Handle(connection))
                        .onErrorResume(error -> release(connection).then(Mono.error(error)))
                        // cancelled while BEGIN was on its way: the transaction may be open on the server
                        .doOnCancel(() -> InterruptedConnections.invalidate(connection).subscribe())),
                work,
                handle -> uncancellable(handle.connection, finish(handle.connection,
                        Mono.from(handle.connection.commitTransaction())
                                .onErrorMap(error -> new TransactionException("The commit failed; the session's "
                                        + "changes are rolled back by the database", error)))),
                (handle, error) -> uncancellable(handle.connection,
                        finish(handle.connection, rollbackKeeping(handle.connection, error))),
                // cancelled inside the transaction: a statement may still be running on the connection and
                // a ROLLBACK would queue behind it, so the connection is closed (the server rolls back) and
                // never returned to the pool
                handle -> InterruptedConnections.invalidate(handle.connection));
    }

    /**
     * {@inheritDoc} A connection whose statement was cancelled before its result ended is closed
     * under its pool's wrapper when released, never reused.
     */
    @Override
    public <T> Flux<T> withConnection(ConnectionFactory connectionFactory,
                                      Function<Connection, ? extends Publisher<T>> work) {
        return Flux.usingWhen(connectionFactory.create(), work, InterruptedConnections::release);
    }

    /**
     * A commit or rollback and the release after it, which a cancel cannot cut in half: cancelled, the
     * connection is closed instead (the server rolls back what it has not committed).
     */
    private static Mono<Void> uncancellable(Connection connection, Mono<Void> end) {
        return end.doOnCancel(() -> InterruptedConnections.invalidate(connection).subscribe());
    }

    private Mono<Void> begin(Connection connection) {
        Publisher<Void> begin = isolationLevel == null ? connection.beginTransaction()
                : connection.beginTransaction(new Definition(isolationLevel));
        return Mono.from(begin).onErrorMap(error -> new TransactionException("Cannot begin a transaction", error));
    }

    private static Mono<Void> rollbackKeeping(Connection connection, Throwable original) {
        return Mono.from(connection.rollbackTransaction()).onErrorResume(error -> {
            if (original != null && original != error) {
                original.addSuppressed(error);
            }
            return Mono.empty();
        });
    }

    private static Mono<Void> finish(Connection connection, Mono<Void> end) {
        return end.onErrorResume(error -> release(connection).then(Mono.error(error))).then(release(connection));
    }

    private static Mono<Void> release(Connection connection) {
        if (InterruptedConnections.isMarked(connection)) {
            return InterruptedConnections.invalidate(connection);
        }
        return Mono.defer(() -> connection.isAutoCommit() ? Mono.<Void>empty() : Mono.from(connection.setAutoCommit(true)))
                .onErrorResume(error -> Mono.empty())
                .then(Mono.defer(() -> Mono.from(connection.close())));
    }

    private final class Handle implements TransactionHandle {

        private final Connection connection;

        Handle(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Connection connection() {
            return connection;
        }

        @Override
        public Mono<Void> commit() {
            return Mono.from(connection.commitTransaction())
                    .onErrorMap(error -> new TransactionException("The commit failed", error))
                    .then(Mono.defer(() -> begin(connection)));
        }

        @Override
        public Mono<Void> rollback() {
            return Mono.from(connection.rollbackTransaction())
                    .onErrorMap(error -> new TransactionException("The rollback failed", error))
                    .then(Mono.defer(() -> begin(connection)));
        }
    }

    private record Definition(IsolationLevel isolationLevel) implements TransactionDefinition {

        @Override
        @SuppressWarnings("unchecked")
        public <V> V getAttribute(io.r2dbc.spi.Option<V> option) {
            return option.equals(TransactionDefinition.ISOLATION_LEVEL) ? (V) isolationLevel : null;
        }
    }

    @Override
    public String toString() {
        return "ConnectionTransactionSupport[" + (isolationLevel == null ? "driver default" : isolationLevel.asSql()) + "]";
    }
}
