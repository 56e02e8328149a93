package dev.redlock.cdi.internal.datasource;

import java.lang.reflect.Constructor;
import java.lang.reflect.Member;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;

import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.InjectionPoint;

import dev.redlock.cdi.DatasourceSettings;

/**
 * Every message of the datasource-level code, in one place so that tests assert on the codes (RL2501 and up; the
 * rest of {@code redlock-cdi} uses lower {@code RL2xxx} codes).
 */
public final class DatasourceMessages {

    /** The prefix of every datasource property. */
    public static final String PREFIX = "redlock.datasources.";

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
        return "RL2502: " + key(name, "url") + ": missing; set the JDBC URL of datasource '" + name + "'";
    }

    static String notAnInteger(String key, String value) {
        return "RL2503: " + key + ": not an integer, was '" + value + "'";
    }

    static String poolSizeTooSmall(String key, int value) {
        return "RL2504: " + key + ": must be at least 1, was " + value;
    }

    static String badDuration(String key, String value) {
        return "RL2505: " + key + ": not a duration, was '" + value + "'; use a number with a unit (250ms, 2s, 1m, 1h)"
                + " or ISO-8601 (PT2S)";
    }

    static String timeoutTooShort(String key, Duration value) {
        return "RL2506: " + key + ": must be at least " + DatasourceSettings.MIN_CONNECTION_TIMEOUT
                + " (HikariCP's minimum), was " + value;
    }

    static String unknownProperty(String key) {
        return "RL2507: " + key + ": unknown datasource property; known: " + DatasourceConfigReader.PROPERTIES;
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

    /** The problems found in the configuration, one per line, as one exception. */
    static IllegalArgumentException badConfig(Collection<String> problems) {
        return new IllegalArgumentException(String.join("\n", problems));
    }
}
