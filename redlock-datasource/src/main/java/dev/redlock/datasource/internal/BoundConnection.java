package dev.redlock.datasource.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * A handle on the connection a transaction has bound. Code inside the transaction gets it from the
 * {@code DataSource} and closes it as usual (try-with-resources); that {@code close()} must not hand the connection
 * back to the pool while the transaction still runs, so it only closes this handle. A dynamic proxy, so that it
 * follows every {@link Connection} method of the running JDK.
 */
final class BoundConnection implements InvocationHandler {

    private final Connection target;
    private volatile boolean closed;

    private BoundConnection(Connection target) {
        this.target = target;
    }

    static Connection wrap(Connection target) {
        return (Connection) Proxy.newProxyInstance(BoundConnection.class.getClassLoader(),
                new Class<?>[]{Connection.class}, new BoundConnection(target));
    }

    @Override
    public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
        switch (method.getName()) {
            case "close" :
                closed = true;
                return null;
            case "isClosed" :
                return closed || target.isClosed();
            case "equals" :
                return proxy == args[0];
            case "hashCode" :
                return System.identityHashCode(proxy);
            case "toString" :
                return "transaction-bound " + target + (closed ? " (handle closed)" : "");
            default :
                break;
        }
        if (closed) {
            throw new SQLException("connection handle closed; the transaction keeps its connection until "
                    + "transaction(..) returns, ask the DataSource for a new handle");
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
