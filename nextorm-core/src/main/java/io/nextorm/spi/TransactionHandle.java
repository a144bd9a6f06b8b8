package io.nextorm.spi;

import io.r2dbc.spi.Connection;
import reactor.core.publisher.Mono;

import java.util.function.Supplier;

/**
 * One running transaction of a session, as its {@link TransactionSupport} hands it out. The
 * session sends every statement on {@link #connection()}, and ends transactions in the middle of
 * its work ({@code db.acommit()}, {@code db.arollback()}) through {@link #commit()} and
 * {@link #rollback()}, each of which goes on in a new transaction. The final commit or rollback is
 * the {@link TransactionSupport}'s.
 */
public interface TransactionHandle {

    /**
     * The connection of the current transaction. It belongs to the transaction: never close it.
     * It may change after {@link #commit()} or {@link #rollback()}, so ask again for each statement.
     *
     * @return the connection
     */
    Connection connection();

    /**
     * Commits the work so far and begins a new transaction for the rest of the session.
     *
     * @return completion once the new transaction has begun
     */
    Mono<Void> commit();

    /**
     * Rolls the work so far back and begins a new transaction for the rest of the session.
     *
     * @return completion once the new transaction has begun
     */
    Mono<Void> rollback();

    /**
     * Binds a session's state to the transaction. The default binds nothing and returns what
     * {@code create} makes: the state lives as long as the session. An implementation whose
     * transactions can outlive a session (one that joins a transaction someone else began, such as
     * a Spring {@code @Transactional} method's) keeps the state as a resource of the transaction:
     * every session of the same database ({@code key}) that runs in the transaction gets the same
     * state, and the implementation calls {@link TransactionScoped#beforeCommit()} before the
     * transaction commits and {@link TransactionScoped#afterCompletion(boolean)} once it has ended,
     * whoever ends it. nextorm binds each session's identity map this way.
     *
     * @param key what the state belongs to (nextorm passes the database's runtime)
     * @param create makes the state when none is bound under the key
     * @param <S> the state's type
     * @return the state bound under the key
     */
    default <S extends TransactionScoped> S bind(Object key, Supplier<S> create) {
        return create.get();
    }
}
