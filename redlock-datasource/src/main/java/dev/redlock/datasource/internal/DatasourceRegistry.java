package dev.redlock.datasource.internal;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.inject.spi.BeanManager;

import org.eclipse.microprofile.config.Config;
import org.jspecify.annotations.Nullable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.redlock.api.LockedSupplier;
import dev.redlock.datasource.DatasourceSettings;

/**
 * The state behind {@link dev.redlock.datasource.DatasourceLevels}: the settings, the application's DataSources that
 * levels are mapped to, the lazily created pools (one per datasource and unmapped level), the JTA transaction
 * manager if any, and the per-thread call context. Kept out of the public class so that the CDI proxy of that
 * class carries no state of its own.
 *
 * <p>Thread-safe. The call context is a {@link ThreadLocal} of immutable {@link Frame}s: entering a switch or a
 * transaction sets a new frame and restores the previous one in {@code finally}, so the context is exact after a
 * return or a throw, and a thread that leaves the outermost call keeps no entry.
 */
public final class DatasourceRegistry implements AutoCloseable {

    /**
     * One call context: the level, the datasource {@code transaction(fn)} uses when none is named, and the
     * connections bound by the transactions open at this level, by datasource.
     */
    record Frame(int level, String datasource, Map<String, Connection> transactions) {
        static final Frame ROOT = new Frame(0, DatasourceSettings.DEFAULT_NAME, Map.of());

        Frame withTransaction(String name, Connection connection) {
            Map<String, Connection> bound = new HashMap<>(transactions);
            bound.put(name, connection);
            return new Frame(level, datasource, Map.copyOf(bound));
        }
    }

    private record PoolKey(String datasource, int level) {
    }

    private final Map<String, DatasourceSettings> settings;
    private final Map<String, Map<Integer, DataSource>> provided;
    private final @Nullable TransactionIsolation jta;
    private final ThreadLocal<Frame> context = new ThreadLocal<>();
    private final Map<PoolKey, HikariDataSource> pools = new ConcurrentHashMap<>();
    private final Object poolLock = new Object();
    private volatile boolean closed;

    /**
     * A registry of these datasources, without JTA; pools open on first use. Levels may be mapped to
     * {@code DataSource} objects or JNDI names, not to CDI beans.
     *
     * @param settings the datasources; names must be unique
     * @throws IllegalArgumentException if two settings share a name, or a mapped level cannot be resolved
     */
    public DatasourceRegistry(Iterable<DatasourceSettings> settings) {
        this(byName(settings), null, null, null);
    }

    private DatasourceRegistry(Map<String, DatasourceSettings> settings, @Nullable BeanManager beanManager,
            @Nullable TransactionIsolation jta, @Nullable List<String> earlier) {
        this.settings = java.util.Collections.unmodifiableMap(settings);
        LevelResolver.Resolved resolved = LevelResolver.resolve(settings.values(), beanManager, true);
        List<String> problems = new ArrayList<>(earlier == null ? List.of() : earlier);
        problems.addAll(resolved.problems());
        if (!problems.isEmpty()) {
            throw DatasourceMessages.badConfig(problems);
        }
        this.provided = resolved.dataSources();
        this.jta = jta;
    }

    /**
     * A registry of the datasources in {@code config}, with the application's DataSources and transaction manager.
     *
     * @param config      the configuration
     * @param beanManager the bean manager, or {@code null} outside CDI
     * @return the registry
     * @throws IllegalArgumentException naming every bad key, one per line
     */
    public static DatasourceRegistry create(Config config, @Nullable BeanManager beanManager) {
        Map<String, DatasourceSettings> settings = new TreeMap<>(DatasourceConfigReader.read(config));
        List<String> problems = new ArrayList<>();
        TransactionIsolation jta = TransactionIsolation.find(beanManager, config, problems);
        return new DatasourceRegistry(settings, beanManager, jta, problems);
    }

    private static Map<String, DatasourceSettings> byName(Iterable<DatasourceSettings> settings) {
        Map<String, DatasourceSettings> byName = new TreeMap<>();
        for (DatasourceSettings s : settings) {
            Objects.requireNonNull(s, "settings element");
            if (byName.putIfAbsent(s.name(), s) != null) {
                throw new IllegalArgumentException("datasource names must be unique, was '" + s.name() + "' twice");
            }
        }
        return byName;
    }

    /** @return whether {@code lockIsolate} suspends the caller's JTA transaction */
    public boolean jta() {
        return jta != null;
    }

    /** @return the configured datasource names, sorted */
    public Set<String> names() {
        return settings.keySet();
    }

    /** @return the settings of a configured datasource; RL2501 otherwise */
    public DatasourceSettings settings(String name) {
        DatasourceSettings s = settings.get(Objects.requireNonNull(name, "datasource"));
        if (s == null) {
            throw DatasourceMessages.unknownDatasource(name, settings.keySet());
        }
        return s;
    }

    /** @return the current frame of this thread */
    Frame frame() {
        Frame f = context.get();
        return f == null ? Frame.ROOT : f;
    }

    /** @return the level of this thread's call context */
    public int level() {
        return frame().level();
    }

    /** @return the datasource that {@code transaction(fn)} uses when none is named */
    public String datasource() {
        return frame().datasource();
    }

    /**
     * Runs {@code fn} with {@code frame} as this thread's context and restores the previous one afterwards.
     */
    <T, E extends Exception> T runIn(Frame frame, LockedSupplier<T, E> fn) throws E {
        Frame saved = context.get();
        context.set(frame);
        try {
            return fn.get();
        } finally {
            if (saved == null) {
                context.remove();
            } else {
                context.set(saved);
            }
        }
    }

    /**
     * Runs {@code fn} at {@code level} with a fresh transaction context.
     *
     * @param datasource the datasource {@code transaction(fn)} uses inside; {@code null} keeps the current one
     */
    public <T, E extends Exception> T switchDb(@Nullable String datasource, int level, LockedSupplier<T, E> fn)
            throws E {
        Objects.requireNonNull(fn, "fn");
        if (level < 0) {
            throw new IllegalArgumentException("level must not be negative, was " + level);
        }
        String name = datasource == null ? frame().datasource() : settings(datasource).name();
        return runIn(new Frame(level, name, Map.of()), fn);
    }

    /**
     * Runs {@code fn} one level up with a fresh transaction context, and with JTA in a new transaction of its own, the
     * caller's suspended; without any datasource configured and none named, stays at the level.
     */
    public <T, E extends Exception> T switchDbIsolate(@Nullable String datasource, LockedSupplier<T, E> fn) throws E {
        Objects.requireNonNull(fn, "fn");
        TransactionIsolation tx = jta;
        LockedSupplier<T, E> work = tx == null ? fn : () -> tx.inNewTransaction(fn);
        if (datasource == null && settings.isEmpty()) {
            return work.get();
        }
        return switchDb(datasource, Math.addExact(frame().level(), 1), work);
    }

    /**
     * Runs {@code fn} in a context that carries only a level and a default datasource (a captured context).
     */
    public <T, E extends Exception> T runCaptured(int level, String datasource, LockedSupplier<T, E> fn) throws E {
        Objects.requireNonNull(fn, "fn");
        return runIn(new Frame(level, datasource, Map.of()), fn);
    }

    /**
     * Runs {@code fn} in a transaction on {@code datasource} at the current level: joins the one already open there,
     * or binds a new connection (autocommit off), commits when {@code fn} returns and rolls back when it throws.
     *
     * @param datasource the datasource; {@code null} for the current one
     */
    public <T, E extends Exception> T transaction(@Nullable String datasource, LockedSupplier<T, E> fn)
            throws E, SQLException {
        Objects.requireNonNull(fn, "fn");
        Frame frame = frame();
        String name = settings(datasource == null ? frame.datasource() : datasource).name();
        if (frame.transactions().containsKey(name)) {
            return fn.get(); // joined: the outer transaction commits or rolls back
        }
        try (Connection connection = pool(name, frame.level()).getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = runIn(frame.withTransaction(name, connection), fn);
                connection.commit();
                return result;
            } catch (Throwable t) { // fn or the commit failed
                rollback(connection, t);
                throw t;
            }
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * A connection of {@code datasource} for the current context: the handle of the transaction's connection when a
     * transaction on it is open at this level, else a pooled connection of this level.
     */
    public Connection connection(String datasource) throws SQLException {
        Frame frame = frame();
        Connection bound = frame.transactions().get(datasource);
        if (bound != null) {
            return BoundConnection.wrap(bound);
        }
        return pool(datasource, frame.level()).getConnection();
    }

    /**
     * A {@link DataSource} whose connections follow the caller's context.
     *
     * @throws IllegalArgumentException RL2501 if the datasource is not configured
     */
    public DataSource dataSource(String datasource) {
        return new LevelDataSource(this, settings(datasource).name());
    }

    /**
     * Where connections of {@code name} at {@code level} come from: the application's DataSource mapped to the level,
     * or else the library's pool of that level.
     */
    private DataSource pool(String name, int level) throws SQLException {
        DataSource mapped = provided.getOrDefault(name, Map.of()).get(level);
        if (mapped != null) {
            if (closed) {
                throw DatasourceMessages.closed();
            }
            return mapped;
        }
        if (settings(name).url() == null) {
            throw DatasourceMessages.noDataSourceForLevel(name, level);
        }
        return hikari(name, level);
    }

    private HikariDataSource hikari(String name, int level) throws SQLException {
        PoolKey key = new PoolKey(name, level);
        HikariDataSource pool = pools.get(key);
        if (pool != null && !closed) {
            return pool;
        }
        synchronized (poolLock) { // rare: once per (datasource, level); keeps close() from missing a new pool
            if (closed) {
                throw DatasourceMessages.closed();
            }
            pool = pools.get(key);
            if (pool == null) {
                pool = open(settings(name), level);
                pools.put(key, pool);
            }
            return pool;
        }
    }

    private static HikariDataSource open(DatasourceSettings s, int level) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setPoolName("redlock-" + s.name() + "-L" + level);
        config.setJdbcUrl(Objects.requireNonNull(s.url(), "url"));
        String driver = driverFor(s.url());
        if (driver != null) {
            config.setDriverClassName(driver);
        }
        if (s.user() != null) {
            config.setUsername(s.user());
        }
        if (s.password() != null) {
            config.setPassword(s.password());
        }
        config.setMaximumPoolSize(s.poolSize());
        if (level > 0) {
            // isolated work is occasional: keep one connection warm, open the others on demand, retire idle ones
            config.setMinimumIdle(1);
        }
        config.setConnectionTimeout(s.connectionTimeout().toMillis());
        try {
            return new HikariDataSource(config); // fails fast when the first connection cannot be opened
        } catch (RuntimeException e) {
            throw DatasourceMessages.poolFailed(s.name(), level, e);
        }
    }

    /**
     * The JDBC driver of the application's class loader that accepts {@code url}, or {@code null} to leave it to
     * {@code DriverManager}. {@code DriverManager} registers the drivers it finds once per JVM, so an application
     * restarted in a new class loader (Quarkus dev mode and tests) would not find its driver there.
     */
    private static @Nullable String driverFor(String url) {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        try {
            for (Driver d : ServiceLoader.load(Driver.class,
                    tccl != null ? tccl : DatasourceRegistry.class.getClassLoader())) {
                if (d.acceptsURL(url)) {
                    return d.getClass().getName();
                }
            }
        } catch (SQLException | ServiceConfigurationError e) {
            return null; // DriverManager reports it
        }
        return null;
    }

    /** @return the number of pools opened so far (for tests and inspection) */
    public int poolCount() {
        return pools.size();
    }

    /** Closes every pool the library made (the application's DataSources are the application's); later use fails with RL2508. Idempotent. */
    @Override
    public void close() {
        List<HikariDataSource> open;
        synchronized (poolLock) {
            if (closed) {
                return;
            }
            closed = true;
            open = new ArrayList<>(pools.values());
            pools.clear();
        }
        RuntimeException failure = null;
        for (HikariDataSource pool : open) {
            try {
                pool.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
