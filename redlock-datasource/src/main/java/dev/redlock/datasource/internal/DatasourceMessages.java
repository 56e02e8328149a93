package dev.redlock.datasource.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Member;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;

import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.InjectionPoint;

import org.jspecify.annotations.Nullable;

import dev.redlock.datasource.DatasourceSettings;

/**
 * Every message of {@code redlock-datasource}, in one place so that tests assert on the codes (RL2501 and up;
 * {@code redlock-cdi} uses lower {@code RL2xxx} codes).
 */
public final class DatasourceMessages {

    /** The prefix of every datasource property. */
    public static final String PREFIX = "redlock.datasources.";
    /** The key of the JNDI name of the JTA transaction manager. */
    public static final String JTA_JNDI_KEY = "redlock.jta.transaction-manager.jndi";

    private DatasourceMessages() {
    }

    /**
     * The full property key of one setting of a datasource; names containing a dot are quoted, as SmallRye Config
     * expects.
     *
     * @param datasource the datasource name
     * @param property   the property, e.g. {@code url}
     * @return e.g. {@code redlock.datasources.default.url}
     */
    public static String key(String datasource, String property) {
        return PREFIX + quoted(datasource) + (property.isEmpty() ? "" : "." + property);
    }

    private static String quoted(String datasource) {
        return datasource.indexOf('.') >= 0 ? '"' + datasource + '"' : datasource;
    }

    /** RL2501: a datasource that is not configured was named. */
    public static IllegalArgumentException unknownDatasource(String name, Collection<String> configured) {
        String fix = configured.isEmpty()
                ? "no datasource is configured; set " + key(name, "url")
                : "name one of the configured datasources or set " + key(name, "url");
        return new IllegalArgumentException("RL2501: " + key(name, "") + ": unknown datasource '" + name
                + "', configured: " + configured + "; " + fix);
    }

    /**
     * Where an injection point is, for messages: {@code com.example.Foo.field}, or {@code com.example.Foo.method}
     * with the parameter position.
     *
     * @param ip the injection point
     * @return its declaring class and member
     */
    public static String describe(InjectionPoint ip) {
        Member m = ip.getMember();
        String where = m.getDeclaringClass().getName() + "." + (m instanceof Constructor ? "<init>" : m.getName());
        return ip.getAnnotated() instanceof AnnotatedParameter<?> p
                ? where + " (parameter " + p.getPosition() + ")"
                : where;
    }

    static String missingUrl(String name) {
        return "RL2502: " + key(name, "url") + ": missing; set the JDBC URL of datasource '" + name + "', or map its"
                + " levels to the application's DataSources with " + key(name, "levels.<n>.bean") + " or "
                + key(name, "levels.<n>.jndi");
    }

    static String notAnInteger(String key, String value) {
        return "RL2503: " + key + ": not an integer, was '" + value + "'";
    }

    static String poolSizeTooSmall(String key, int value) {
        return "RL2504: " + key + ": must be at least 1, was " + value;
    }

    static String badDuration(String key, String message) {
        return "RL2505: " + key + ": " + message;
    }

    static String timeoutTooShort(String key, Duration value) {
        return "RL2506: " + key + ": must be at least " + DatasourceSettings.MIN_CONNECTION_TIMEOUT
                + " (HikariCP's minimum), was " + value;
    }

    static String unknownProperty(String key) {
        return "RL2507: " + key + ": unknown datasource property; known: " + DatasourceConfigReader.PROPERTIES
                + " and levels.<n>.bean, levels.<n>.jndi";
    }

    /** RL2508: the service was used after {@code close()}. */
    public static IllegalStateException closed() {
        return new IllegalStateException("RL2508: DatasourceLevels: closed; its pools were shut down with the"
                + " application, do not use it afterwards");
    }

    static SQLException poolFailed(String name, int level, RuntimeException cause) {
        return new SQLException("RL2509: " + key(name, "") + ": cannot start the pool of level " + level + ": "
                + (cause.getCause() != null ? cause.getCause() : cause), cause);
    }

    /** RL2510: the CDI no-argument constructor was used outside CDI. */
    public static IllegalStateException notInitialized() {
        return new IllegalStateException("RL2510: DatasourceLevels: not initialized; outside CDI create it with"
                + " DatasourceLevels.fromConfig(..) or DatasourceLevels.of(..)");
    }

    static String badLevel(String key, String level) {
        return "RL2511: " + key + ": the level must be a whole number, 0 or more, was '" + level
                + "'; write levels.0.bean, levels.1.jndi, ...";
    }

    static String beanAndJndi(String beanKey, String jndiKey) {
        return "RL2512: " + beanKey + ": a level maps to one DataSource, but " + jndiKey
                + " is set too; remove one of them";
    }

    static String unknownBean(String key, String name, Collection<String> known) {
        return "RL2513: " + key + ": no DataSource bean named '" + name + "' (by @Named or @Identifier); named"
                + " DataSource beans: " + known + "; produce a DataSource bean with that name or fix the name";
    }

    static String ambiguousBean(String key, String name, Collection<String> beans) {
        return "RL2514: " + key + ": more than one DataSource bean is named '" + name + "': " + beans
                + "; give each DataSource its own name";
    }

    static String jndiFailed(String key, String name, Exception cause) {
        return "RL2515: " + key + ": JNDI lookup of '" + name + "' failed: " + cause
                + "; bind a DataSource under that name or fix the name";
    }

    static String jndiNotADataSource(String key, String name, Object found) {
        return "RL2515: " + key + ": JNDI name '" + name + "' is bound to a " + found.getClass().getName()
                + ", not a javax.sql.DataSource";
    }

    static String sameDataSourceTwice(String first, String second) {
        return "RL2516: " + second + ": maps to the same DataSource as " + first + "; a level's connections must"
                + " never come from a pool that a caller at another level may hold, or lockIsolate deadlocks again;"
                + " give each level its own DataSource";
    }

    static String beanOutsideCdi(String key) {
        return "RL2517: " + key + ": a DataSource bean can only be looked up in a CDI container; outside CDI use"
                + " levels.<n>.jndi or DatasourceSettings.Builder.level(n, LevelSource.of(dataSource))";
    }

    static SQLException noDataSourceForLevel(String name, int level) {
        return new SQLException("RL2518: " + key(name, "") + ": no DataSource for level " + level + "; set "
                + key(name, "url") + " so the library makes its pools, or map the level with "
                + key(name, "levels." + level + ".bean") + " or " + key(name, "levels." + level + ".jndi"));
    }

    static String jtaJndiFailed(String name, Exception cause) {
        return "RL2519: " + JTA_JNDI_KEY + ": JNDI lookup of '" + name + "' failed: " + cause
                + "; bind the TransactionManager under that name or fix the name";
    }

    static String jtaJndiNotATransactionManager(String name, Object found) {
        return "RL2519: " + JTA_JNDI_KEY + ": JNDI name '" + name + "' is bound to a " + found.getClass().getName()
                + ", not a jakarta.transaction.TransactionManager";
    }

    static String jtaMissing(String name) {
        return "RL2519: " + JTA_JNDI_KEY + ": set to '" + name + "', but jakarta.transaction-api is not on the class"
                + " path; add a dependency on jakarta.transaction:jakarta.transaction-api or remove the key";
    }

    static String ambiguousTransactionManager(Collection<String> beans) {
        return "RL2521: more than one jakarta.transaction.TransactionManager bean: " + beans
                + "; lockIsolate needs exactly one to suspend the caller's transaction";
    }

    /** RL2520: the transaction manager failed while lockIsolate suspended, began, ended or resumed a transaction. */
    static IllegalStateException jtaFailed(String step, @Nullable Throwable cause) {
        return new IllegalStateException("RL2520: lockIsolate: the transaction manager failed to " + step
                + (cause == null ? "" : ": " + cause), cause);
    }

    /** The problems found in the configuration, one per line, as one exception. */
    static IllegalArgumentException badConfig(Collection<String> problems) {
        return new IllegalArgumentException(String.join("\n", problems));
    }
}
