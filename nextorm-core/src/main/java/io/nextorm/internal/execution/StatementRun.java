package io.nextorm.internal.execution;

import io.nextorm.NextOrmException;
import io.nextorm.SqlExecutionException;
import io.nextorm.dialect.Dialect;
import io.nextorm.internal.sql.SqlStatement;
import io.r2dbc.spi.Connection;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Supplier;

/**
 * One run of a statement, observed: at subscription the statement is told as sent and its work
 * starts; driver errors are wrapped with the SQL text (never the values); the rows (or the changed
 * counts) are counted, and the time and count are recorded once, before the terminal signal goes
 * downstream (a caller that saw the result also sees them); a cancel marks the connection as cut
 * off. One subscriber per run does what {@code defer}, {@code onErrorMap}, {@code doOnEach} and
 * {@code doOnCancel} did as four operators, each with its own objects per statement.
 *
 * @param <T> the element type
 */
final class StatementRun<T> extends Flux<T> {

    private final Connection connection;
    private final SqlStatement statement;
    /** How many sets of bindings the statement runs with: each is recorded as one execution. */
    private final int executions;
    private final Supplier<Flux<T>> work;
    private final boolean countElements;
    private final Dialect dialect;
    private final StatementObservers observers;

    StatementRun(Connection connection, SqlStatement statement, int executions, Supplier<Flux<T>> work,
                 boolean countElements, Dialect dialect, StatementObservers observers) {
        this.connection = connection;
        this.statement = statement;
        this.executions = executions;
        this.work = work;
        this.countElements = countElements;
        this.dialect = dialect;
        this.observers = observers;
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        observers.sending(statement);
        Observer<T> observer = new Observer<>(actual, this, System.nanoTime());
        Flux<T> flux;
        try {
            flux = work.get();
        } catch (RuntimeException e) {
            flux = Flux.error(e);
        }
        flux.subscribe(observer);
    }

    /** Records the run: each set of bindings as one execution, with its share of the time and rows. */
    private void finished(long nanos, long rows, Throwable error) {
        if (executions == 1) {
            observers.finished(statement, nanos, rows, error);
            return;
        }
        for (int i = 0; i < executions; i++) {
            observers.finished(statement, nanos / executions,
                    i == 0 ? rows - rows / executions * (executions - 1) : rows / executions, error);
        }
    }

    private static final class Observer<T> implements CoreSubscriber<T>, Subscription {

        @SuppressWarnings("rawtypes")
        private static final AtomicIntegerFieldUpdater<Observer> DONE =
                AtomicIntegerFieldUpdater.newUpdater(Observer.class, "done");

        private final CoreSubscriber<? super T> actual;
        private final StatementRun<T> run;
        private final long start;
        /** Written by the signals only (serial), read by a cancel as the count so far. */
        private long rows;
        private volatile int done;
        private Subscription upstream;

        Observer(CoreSubscriber<? super T> actual, StatementRun<T> run, long start) {
            this.actual = actual;
            this.run = run;
            this.start = start;
        }

        @Override
        public reactor.util.context.Context currentContext() {
            return actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            if (Operators.validate(upstream, subscription)) {
                upstream = subscription;
                actual.onSubscribe(this);
            }
        }

        @Override
        public void onNext(T element) {
            if (run.countElements) {
                rows++;
            } else if (element instanceof Number n) {
                rows += n.longValue();
            }
            actual.onNext(element);
        }

        @Override
        public void onError(Throwable error) {
            Throwable mapped = error instanceof NextOrmException ? error
                    : new SqlExecutionException(run.statement.sql(), run.dialect.redactValues(error.getMessage()), error);
            finish(mapped);
            actual.onError(mapped);
        }

        @Override
        public void onComplete() {
            finish(null);
            actual.onComplete();
        }

        @Override
        public void request(long n) {
            upstream.request(n);
        }

        @Override
        public void cancel() {
            if (DONE.compareAndSet(this, 0, 1)) {
                // the server may still be sending this statement's result: the connection's state is
                // unknown, so it is never handed out again once released
                InterruptedConnections.mark(run.connection);
                run.finished(System.nanoTime() - start, rows, null);
            }
            upstream.cancel();
        }

        private void finish(Throwable error) {
            if (DONE.compareAndSet(this, 0, 1)) {
                run.finished(System.nanoTime() - start, rows, error);
            }
        }
    }
}
