package dev.redlock.test;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.OperationNotSupportedException;
import javax.naming.spi.InitialContextFactory;

/**
 * A tiny JNDI for the tests (named in {@code jndi.properties}): a flat map of names to objects, read through
 * {@code new InitialContext().lookup(name)}. The objects bound are real ones (pooled H2 and PostgreSQL DataSources,
 * Narayana's transaction manager); only the directory is this small.
 */
public final class TestJndi implements InitialContextFactory {

    private static final Map<String, Object> BINDINGS = new ConcurrentHashMap<>();

    /** Binds an object; {@link #unbind(String)} it when done. */
    public static void bind(String name, Object value) {
        BINDINGS.put(name, value);
    }

    /** Removes a binding. */
    public static void unbind(String name) {
        BINDINGS.remove(name);
    }

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) {
        return (Context) Proxy.newProxyInstance(TestJndi.class.getClassLoader(), new Class<?>[]{Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "lookup" -> {
                        String name = String.valueOf(args[0]);
                        Object found = BINDINGS.get(name);
                        if (found == null) {
                            throw new NameNotFoundException(name + " is not bound");
                        }
                        yield found;
                    }
                    case "close" -> null;
                    case "toString" -> "TestJndi" + BINDINGS.keySet();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new OperationNotSupportedException(method.getName());
                });
    }
}
