package io.nextorm.spi;

import reactor.core.publisher.Mono;

/**
 * State that a {@link TransactionHandle} may bind to its transaction (see
 * {@link TransactionHandle#bind}): a session's identity map, which has to write its pending changes
 * before the transaction commits and forget its objects once the transaction has ended.
 */
public interface TransactionScoped {

    /**
     * Called before the transaction commits: writes what is pending (a session flushes). An error
     * fails the commit, and the transaction is rolled back.
     *
     * @return completion
     */
    Mono<Void> beforeCommit();

    /**
     * Called once the transaction has ended, committed or rolled back: forgets the state (a session
     * clears its identity map).
     *
     * @param committed whether the transaction committed
     */
    void afterCompletion(boolean committed);
}
