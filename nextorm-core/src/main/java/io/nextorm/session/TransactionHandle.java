package io.nextorm.session;

import io.r2dbc.spi.Connection;
import reactor.core.publisher.Mono;

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
}
