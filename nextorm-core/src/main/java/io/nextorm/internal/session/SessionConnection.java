package io.nextorm.internal.session;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import reactor.core.publisher.Mono;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * A session's connection as {@code db.getConnection()} hands it out inside a session: every call
 * goes to the session's connection, except {@code close()}, which does nothing (the session
 * releases the connection when it ends). {@code Wrapped.unwrap()} gives the real connection.
 */
final class SessionConnection implements InvocationHandler {

    private final Connection connection;

    private SessionConnection(Connection connection) {
        this.connection = connection;
    }

    /**
     * Wraps a session's connection.
     *
     * @param connection the connection
     * @return a connection whose close() does nothing
     */
    static Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(SessionConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class, Wrapped.class}, new SessionConnection(connection));
    }

    @Override
    public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "close":
                if (method.getParameterCount() == 0) {
                    return Mono.empty();
                }
                break;
            case "unwrap":
                if (method.getParameterCount() == 0) {
                    return connection;
                }
                Class<?> type = (Class<?>) args[0];
                if (type.isInstance(connection)) {
                    return connection;
                }
                return connection instanceof Wrapped<?> wrapped ? wrapped.unwrap(type) : null;
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "SessionConnection[" + connection + "]";
            default:
                break;
        }
        try {
            return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
