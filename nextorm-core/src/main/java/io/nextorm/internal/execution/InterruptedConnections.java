package io.nextorm.internal.execution;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Connections whose conversation with the server was cut off (a statement cancelled before its
 * result ended, a session cancelled inside its transaction): such a connection may hold an open
 * transaction or unread results, so it is never handed out again. {@link #release(Connection)}
 * closes the driver's connection under the pool's wrapper before giving the wrapper back, so the
 * pool drops it (its validation and its eviction both see it closed) and the server rolls back
 * whatever was open. Connections are held weakly.
 */
public final class InterruptedConnections {

    /** How long closing a driver connection may take before it is abandoned. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private static final Set<Connection> INTERRUPTED = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<Connection, Boolean>()));
    /** False until a first connection is marked: the warm path of a healthy database takes no lock. */
    private static volatile boolean anyMarked;

    private InterruptedConnections() {
    }

    /**
     * Marks a connection (or the driver connection under a pool's wrapper) as cut off.
     *
     * @param connection the connection
     */
    public static void mark(Connection connection) {
        INTERRUPTED.add(driverConnection(connection));
        anyMarked = true;
    }

    /**
     * Whether a connection (or the driver connection under it) was cut off.
     *
     * @param connection the connection
     * @return true when it must not be reused
     */
    public static boolean isMarked(Connection connection) {
        return anyMarked && INTERRUPTED.contains(driverConnection(connection));
    }

    /**
     * Gives a connection back: closes it (returns it to its pool), unless it was cut off; then its
     * driver connection is closed first and the pool's wrapper after, errors ignored.
     *
     * @param connection the connection
     * @return completes when released
     */
    public static Mono<Void> release(Connection connection) {
        return Mono.defer(() -> isMarked(connection) ? invalidate(connection) : Mono.from(connection.close()));
    }

    /**
     * Closes the driver connection under a connection, then the connection itself (its pool
     * wrapper), ignoring errors and bounded in time: a connection whose state is unknown is never
     * reused.
     *
     * @param connection the connection
     * @return completes when both are closed or abandoned
     */
    public static Mono<Void> invalidate(Connection connection) {
        return Mono.defer(() -> {
            Connection driver = driverConnection(connection);
            INTERRUPTED.add(driver);
            anyMarked = true;
            Mono<Void> closeDriver = Mono.from(driver.close()).timeout(CLOSE_TIMEOUT).onErrorResume(error -> Mono.empty());
            if (driver == connection) {
                return closeDriver;
            }
            return closeDriver.then(Mono.defer(() -> Mono.from(connection.close()))
                    .timeout(CLOSE_TIMEOUT).onErrorResume(error -> Mono.empty()));
        });
    }

    /**
     * The innermost connection under wrappers (a pool's, a session's).
     *
     * @param connection the connection
     * @return the driver's connection
     */
    @SuppressWarnings("unchecked")
    static Connection driverConnection(Connection connection) {
        Connection current = connection;
        for (int depth = 0; depth < 8 && current instanceof Wrapped<?> wrapped; depth++) {
            Object inner = wrapped.unwrap();
            if (!(inner instanceof Connection next) || next == current) {
                break;
            }
            current = next;
        }
        return current;
    }

    /**
     * For a pool's eviction: whether a pooled driver connection was cut off.
     *
     * @param driverConnection the connection the pool holds
     * @return true to destroy it
     */
    static boolean isDriverConnectionMarked(Connection driverConnection) {
        return anyMarked && INTERRUPTED.contains(driverConnection);
    }

}
