package io.nextorm.spi;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.util.function.Function;

/**
 * How a session gets its transaction: the transaction SPI of nextorm. A session asks for one
 * transaction around its whole work; the implementation obtains a connection, begins, runs the
 * work with a {@link TransactionHandle}, and at the end commits (the work completed), rolls back
 * (it failed or was cancelled) and releases the connection, in every case.
 *
 * <pre>{@code
 * AsyncDatabase db = new AsyncDatabase(entities);
 * db.setTransactionSupport(ConnectionTransactionSupport.create());           // the default
 * db.setTransactionSupport(ConnectionTransactionSupport.create(IsolationLevel.SERIALIZABLE));
 * }</pre>
 *
 * Core ships {@link ConnectionTransactionSupport} over plain R2DBC connections. The Spring Boot
 * starter plugs in an implementation over Spring's {@code ReactiveTransactionManager}: it runs the
 * work inside the manager's transaction (for example with a {@code TransactionalOperator}), hands
 * out the transaction's connection ({@code ConnectionFactoryUtils.getConnection}) and implements
 * {@link TransactionHandle#commit()}/{@link TransactionHandle#rollback()} through the manager.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>{@code inTransaction} does nothing until subscribed; the work's publisher is subscribed at
 *       most once, on a connection inside a begun transaction;</li>
 *   <li>the work completing means commit; when the commit fails, the returned publisher fails with
 *       that error (a {@code TransactionException} or the driver's error);</li>
 *   <li>the work failing means roll back, and the work's error reaches the subscriber unchanged (an
 *       error of the rollback itself is added to it as suppressed);</li>
 *   <li>cancellation means roll back;</li>
 *   <li>the connection is released (closed, returned to its pool) after all that, in every case,
 *       in auto-commit mode.</li>
 * </ul>
 * The session's flush runs inside the work, so it always comes before the commit.
 */
public interface TransactionSupport {

    /**
     * Runs work in one transaction.
     *
     * @param connectionFactory where the database's connections come from
     * @param work the work, given the transaction; its elements are passed on
     * @param <T> the element type
     * @return the work's elements; completes after the commit
     */
    <T> Flux<T> inTransaction(ConnectionFactory connectionFactory,
                              Function<TransactionHandle, ? extends Publisher<T>> work);

    /**
     * Runs one statement's work outside a session: on a connection of the caller's surrounding
     * transaction, when the implementation knows one, else on a new connection that is released
     * when the work completes, fails or is cancelled. The default knows no surrounding transaction:
     * every call gets a new connection from the factory and closes it (auto-commit mode). The Spring
     * Boot starter's implementation hands out the connection of a running Spring transaction
     * ({@code @Transactional}, {@code TransactionalOperator}), so that plain {@code db} calls made in
     * it, without {@code db.session}, are part of it.
     *
     * @param connectionFactory where the database's connections come from
     * @param work what to do with the connection; it must not close it
     * @param <T> the element type
     * @return the work's elements
     */
    default <T> Flux<T> withConnection(ConnectionFactory connectionFactory,
                                       Function<Connection, ? extends Publisher<T>> work) {
        return Flux.usingWhen(connectionFactory.create(), work, Connection::close);
    }
}
