package io.nextorm.internal.sqlite;

import reactor.core.publisher.Mono;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The thread of one connection: every JDBC call of the connection runs here, one after the other,
 * never on the subscriber's thread (a Reactor event loop or a parallel scheduler). Submitting work
 * never blocks: the caller gets a publisher that signals from this thread.
 */
final class SqliteWorker {

    private static final AtomicLong THREADS = new AtomicLong();

    private final ExecutorService executor;
    private final String name;

    SqliteWorker() {
        this.name = "nextorm-sqlite-" + THREADS.incrementAndGet();
        this.executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * JDBC work that returns a value.
     *
     * @param <T> the value's type
     */
    @FunctionalInterface
    interface Work<T> {
        /**
         * Does the work on the connection's thread.
         *
         * @return the value, or null for none
         * @throws Exception any JDBC error
         */
        T run() throws Exception;
    }

    /**
     * Runs work on this thread when subscribed.
     *
     * @param work the work
     * @param sql the SQL it runs, for error messages, or null
     * @param <T> the value's type
     * @return the value, or empty for null; the error translated to an R2DBC exception
     */
    <T> Mono<T> call(Work<T> work, String sql) {
        return Mono.create(sink -> submit(() -> {
            try {
                sink.success(work.run());
            } catch (Throwable e) {
                sink.error(SqliteExceptions.translate(e, sql));
            }
        }, sink::error));
    }

    /**
     * Queues a task.
     *
     * @param task the task
     * @param rejected told when the thread has stopped (the connection is closed)
     */
    void submit(Runnable task, java.util.function.Consumer<Throwable> rejected) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            rejected.accept(new IllegalStateException("The SQLite connection is closed: create a new connection"));
        }
    }

    /** Stops the thread once the queued work is done. */
    void shutdown() {
        executor.shutdown();
    }
}
