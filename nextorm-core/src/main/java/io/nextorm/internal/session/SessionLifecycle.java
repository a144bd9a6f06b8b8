package io.nextorm.internal.session;

import io.nextorm.DbSession;
import io.nextorm.SessionOptions;
import io.nextorm.TransactionException;
import io.nextorm.spi.TransactionSupport;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;
import reactor.util.retry.Retry;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Sessions of one database: {@link #session(Function)} opens one (a transaction from the
 * {@link TransactionSupport} plus an identity map) and puts it in the Reactor Context under the
 * runtime, so that every call of the same database inside the session's publisher finds it; two
 * databases never share a session. Also flush, commit and rollback of the subscriber's session.
 */
public final class SessionLifecycle {

    private final DatabaseRuntime runtime;
    private final SessionEvents events;

    SessionLifecycle(DatabaseRuntime runtime, SessionEvents events) {
        this.runtime = runtime;
        this.events = events;
    }

    /**
     * Runs work in a session: a transaction from the {@link TransactionSupport} and a new identity
     * map, carried in the Reactor Context. At the end of the work the session is flushed and
     * committed; on error it is rolled back, its identity map cleared, and the error passed on
     * unchanged; on cancellation it is rolled back. Inside a session of this database the work joins
     * it (no new transaction, no flush at its end).
     *
     * @param work the work, given the session
     * @param <T> the result type
     * @return the last element the work's publisher emits (for a Mono, its value)
     */
    public <T> Mono<T> session(Function<DbSession, ? extends Publisher<T>> work) {
        return session(SessionOptions.defaults(), work);
    }

    /**
     * Runs work in a session with options: see {@link #session(Function)}. With a retry the whole
     * session (a new transaction and an empty identity map) runs again when the work, its flush or
     * its commit fails with one of the options' errors, at most the given number of times; the last
     * error reaches the caller. A read-only session refuses writes. Inside a session of this database
     * the work joins it and runs once, with the outer session's options.
     *
     * @param options the options
     * @param work the work, given the session
     * @param <T> the result type
     * @return the last element the work's publisher emits
     */
    public <T> Mono<T> session(SessionOptions options, Function<DbSession, ? extends Publisher<T>> work) {
        if (options == null) {
            throw new IllegalArgumentException("session() needs options, got null; use SessionOptions.defaults()");
        }
        if (work == null) {
            throw new IllegalArgumentException("session() needs the work to run, got null");
        }
        return Mono.deferContextual(context -> {
            Session joined = runtime.ownSessionOf(context);
            if (joined != null) {
                return Flux.<T>defer(() -> publisherOf(work, joined)).takeLast(1).singleOrEmpty();
            }
            Mono<T> once = Mono.defer(() -> run(options, work));
            return options.maxRetries() == 0 ? once
                    : once.retryWhen(Retry.max(options.maxRetries()).filter(options::retries)
                            .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
        });
    }

    private <T> Mono<T> run(SessionOptions options, Function<DbSession, ? extends Publisher<T>> work) {
        TransactionSupport support = runtime.transactionSupport();
        AtomicBoolean started = new AtomicBoolean();
        return support.<Optional<T>>inTransaction(runtime.connectionFactory(), handle -> {
                    Session session = handle.bind(runtime, () -> new Session(runtime, handle, options));
                    // a session bound to a longer transaction (asked again, the handle returns it) ends
                    // in TransactionScoped.afterCompletion; one that is not ends with its work
                    boolean endsWithWork = handle.bind(runtime, () -> null) != session;
                    started.set(true);
                    events.sessionStarted();
                    Mono<Optional<T>> result = Flux.<T>defer(() -> publisherOf(work, session)).takeLast(1).singleOrEmpty()
                            .map(Optional::of)
                            .defaultIfEmpty(Optional.empty())
                            .flatMap(value -> session.flush().thenReturn(value))
                            .doOnError(error -> session.clear())
                            .contextWrite(ctx -> ctx.put(runtime, session));
                    return endsWithWork ? result.doOnTerminate(session::end).doOnCancel(session::end) : result;
                })
                .doOnComplete(events::committed)
                .doOnError(error -> {
                    if (started.get()) {
                        events.rolledBack();
                    }
                })
                .doOnCancel(() -> {
                    if (started.get()) {
                        events.rolledBack();
                    }
                })
                .singleOrEmpty()
                .flatMap(Mono::justOrEmpty);
    }

    /**
     * Writes the new and changed objects of the subscriber's session; nothing outside one.
     *
     * @return completion
     */
    public Mono<Void> flush() {
        return Mono.deferContextual(context -> {
            Session session = runtime.sessionOf(context);
            return session == null ? Mono.<Void>empty() : session.flush();
        });
    }

    /**
     * Flushes and commits the subscriber's session, which goes on in a new transaction.
     *
     * @return completion
     * @throws TransactionException (in the Mono) outside a session
     */
    public Mono<Void> commit() {
        return Mono.deferContextual(context -> requireSession(context, "acommit").commit())
                .doOnSuccess(ignored -> events.committed());
    }

    /**
     * Rolls the subscriber's session back and clears its identity map; the session goes on in a
     * new transaction.
     *
     * @return completion
     * @throws TransactionException (in the Mono) outside a session
     */
    public Mono<Void> rollback() {
        return Mono.deferContextual(context -> requireSession(context, "arollback").rollback())
                .doOnSuccess(ignored -> events.rolledBack());
    }

    private Session requireSession(ContextView context, String method) {
        Session session = runtime.sessionOf(context);
        if (session == null) {
            throw new TransactionException(method + "() needs a session: call it inside db.session(s -> ...)");
        }
        return session;
    }

    private static <T> Publisher<T> publisherOf(Function<DbSession, ? extends Publisher<T>> work, DbSession session) {
        Publisher<T> publisher = work.apply(session);
        if (publisher == null) {
            throw new IllegalArgumentException("The work given to session() returned null: it must return a Publisher, "
                    + "such as Mono.empty() when it has nothing to return, or the Mono of its last step");
        }
        return publisher;
    }
}
