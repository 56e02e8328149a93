package dev.redlock.datasource.internal;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/** One JNDI lookup with a default {@link InitialContext}, closed again: for level DataSources and the JTA manager. */
final class Jndi {

    private Jndi() {
    }

    /**
     * Looks a name up.
     *
     * @param name the JNDI name
     * @return what is bound there
     * @throws NamingException if nothing is, or the naming service failed
     */
    static Object lookup(String name) throws NamingException {
        InitialContext context = new InitialContext();
        try {
            return context.lookup(name);
        } finally {
            context.close();
        }
    }
}
