package dev.redlock.datasource;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import dev.redlock.api.LockedRunnable;
import dev.redlock.api.LockedSupplier;
import dev.redlock.api.spi.DatasourceIsolation;
import dev.redlock.datasource.internal.DatasourceConfigReader;
import dev.redlock.datasource.internal.DatasourceMessages;
import dev.redlock.datasource.internal.DatasourceRegistry;
import dev.redlock.datasource.internal.StartChecks;

/**
 * Datasource levels, the mechanism behind {@code lockIsolate}: named JDBC datasources whose connections come from one
 * pool per (datasource, level), with the current level and the open transactions kept in the call context. It is the
 * {@link DatasourceIsolation} bean that {@code redlock-cdi}'s {@code lockIsolate} runs its function through; without
 * this module {@code lockIsolate} behaves like {@code lock}.
 *
 * <p>Every call context has a level, 0 by default. {@link #switchDbIsolate(LockedSupplier)} runs a function at
 * level + 1, where connections come from other pools and no transaction of the caller is visible. So a caller that
 * holds a pooled connection (say inside a transaction, with a pool of one) can wait for that function without a
 * deadlock: the function never needs the connection the caller holds. {@code lockIsolate} is {@code lock} plus this
 * switch.
 *
 * <p><b>Configuration</b> ({@code redlock.datasources.<name>.*}, read from MicroProfile Config): {@code url}
 * (required), {@code user}, {@code password}, {@code pool-size} (default 10, per level) and
 * {@code connection-timeout} (default 30s, at least 250ms; with a unit: {@code 500ms}, {@code 2s}, or ISO-8601).
 * {@value DatasourceSettings#DEFAULT_NAME} is the datasource used when none is named. A level may instead use the
 * application's own {@code DataSource}: {@code levels.<n>.bean} (a CDI bean by {@code @Named} or {@code @Identifier})
 * or {@code levels.<n>.jndi} (a JNDI name); see {@link LevelSource}. With a JTA transaction manager (a
 * {@code TransactionManager} bean, or {@code redlock.jta.transaction-manager.jndi}) the isolated function also runs in
 * a new transaction of its own, the caller's suspended. A bad setting fails start-up as a deployment problem naming the
 * key (RL2502 to RL2521, all of them at once, through {@link DatasourceExtension}, or on Quarkus
 * {@link DatasourceBuildExtension}); naming a datasource that is not configured is an
 * {@link IllegalArgumentException} (RL2501). The library's pools are HikariCP pools, opened on first
 * use and closed with the application; the application's DataSources are left alone.
 *
 * <p><b>Injection</b>: {@code @Inject @Datasource DataSource} (the default datasource) or
 * {@code @Inject @Datasource("reports") DataSource}. Its {@code getConnection()} returns a connection of the caller's
 * current level; inside {@link #transaction(LockedSupplier)} on that datasource it returns the transaction's connection
 * behind a handle whose {@code close()} keeps it open until the transaction ends.
 *
 * <p><b>Threads</b>: the context is thread-local. The function of {@code lock} and {@code lockIsolate} runs on the
 * caller's thread, so it sees the context. Work handed to another thread (an executor, a parallel stream, a
 * {@code CompletableFuture}) starts there at level 0 with no transaction; to carry the level over, wrap it with
 * {@link #capture()} or {@link #captureIsolated()}. Transactions never cross threads.
 *
 * <p>Outside CDI create it with {@link #fromConfig(Config)} or {@link #of(DatasourceSettings...)} and
 * {@link #close()} it. Thread-safe.
 *
 * @since 0.1
 */
@ApplicationScoped
@NullMarked
public class DatasourceLevels implements DatasourceIsolation, AutoCloseable {

    private @Nullable DatasourceRegistry registry;
    @Inject
    @Nullable
    BeanManager beanManager;
    @Inject
    @Nullable
    Instance<StartChecks> startChecks;

    /**
     * For CDI only, which initializes the bean from {@link ConfigProvider#getConfig()} after construction; outside CDI
     * use {@link #fromConfig(Config)} or {@link #of(DatasourceSettings...)}.
     */
    protected DatasourceLevels() {
    }

    private DatasourceLevels(DatasourceRegistry registry) {
        this.registry = registry;
    }

    /**
     * The datasources configured under {@code redlock.datasources} in {@code config}.
     *
     * @param config the configuration; must not be {@code null}
     * @return a new instance; close it when done
     * @throws IllegalArgumentException naming every bad key, one per line (RL2502 to RL2519; a level mapped to a CDI
     *                                  bean is RL2517 outside CDI)
     */
    public static DatasourceLevels fromConfig(Config config) {
        Objects.requireNonNull(config, "config");
        return new DatasourceLevels(DatasourceRegistry.create(config, null));
    }

    /**
     * These datasources.
     *
     * @param settings the datasources, with unique names; none to make {@code lockIsolate} behave like {@code lock}
     * @return a new instance; close it when done
     * @throws IllegalArgumentException if two settings share a name
     */
    public static DatasourceLevels of(DatasourceSettings... settings) {
        return of(List.of(settings));
    }

    /**
     * These datasources.
     *
     * @param settings the datasources, with unique names
     * @return a new instance; close it when done
     * @throws IllegalArgumentException if two settings share a name
     */
    public static DatasourceLevels of(Collection<DatasourceSettings> settings) {
        return new DatasourceLevels(new DatasourceRegistry(List.copyOf(settings)));
    }

    @PostConstruct
    void init() {
        if (startChecks != null && startChecks.isResolvable()) {
            startChecks.get(); // Quarkus: the checks DatasourceExtension does at deployment elsewhere
        }
        if (registry == null) {
            ClassLoader tccl = Thread.currentThread().getContextClassLoader();
            registry = DatasourceRegistry.create(
                    DatasourceConfigReader.currentConfig(tccl != null ? tccl : DatasourceLevels.class.getClassLoader()),
                    beanManager);
        }
    }

    /**
     * Creates the bean when the application starts, so that it reads the configuration and finds the application's
     * DataSources and transaction manager then (the extension has checked them at deployment), not at the first
     * {@code lockIsolate}.
     */
    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        registry();
    }

    /** The {@code @Datasource("name") DataSource} of every injection point; the value picks the datasource. */
    @Produces
    @Datasource
    DataSource produceDataSource(InjectionPoint injectionPoint) {
        String name = injectionPoint.getQualifiers().stream().filter(Datasource.class::isInstance)
                .map(q -> ((Datasource) q).value()).findFirst().orElse(DatasourceSettings.DEFAULT_NAME);
        return dataSource(name);
    }

    private DatasourceRegistry registry() {
        DatasourceRegistry r = registry;
        if (r == null) {
            throw DatasourceMessages.notInitialized();
        }
        return r;
    }

    /**
     * The configured datasource names.
     *
     * @return the names, sorted; empty when none is configured
     */
    public Set<String> datasources() {
        return registry().names();
    }

    /**
     * Checks a datasource name as {@link #switchDbIsolate(String, LockedSupplier)} does, so that {@code lockIsolate}
     * can refuse an unknown name before it takes the lock.
     *
     * @param datasource a datasource name, or {@code null} (always accepted)
     * @throws IllegalArgumentException RL2501 if {@code datasource} is not configured, naming the configured ones
     */
    @Override
    public void checkDatasource(@Nullable String datasource) {
        if (datasource != null) {
            registry().settings(datasource);
        }
    }

    /**
     * The default datasource, as {@code @Inject @Datasource DataSource} injects it.
     *
     * @return a {@code DataSource} whose connections follow the caller's level and transaction
     * @throws IllegalArgumentException RL2501 if no {@value DatasourceSettings#DEFAULT_NAME} datasource is configured
     */
    public DataSource dataSource() {
        return dataSource(DatasourceSettings.DEFAULT_NAME);
    }

    /**
     * A named datasource, as {@code @Inject @Datasource("name") DataSource} injects it.
     *
     * @param name a configured datasource name; must not be {@code null}
     * @return a {@code DataSource} whose connections follow the caller's level and transaction
     * @throws IllegalArgumentException RL2501 if the datasource is not configured
     */
    public DataSource dataSource(String name) {
        return registry().dataSource(name);
    }

    /**
     * The level of the caller's context.
     *
     * @return 0 outside any switch, higher inside {@code switchDbIsolate}
     */
    public int current() {
        return registry().level();
    }

    /**
     * The datasource {@link #transaction(LockedSupplier)} uses in the caller's context when none is named.
     *
     * @return {@value DatasourceSettings#DEFAULT_NAME} unless a switch named another
     */
    public String currentDatasource() {
        return registry().datasource();
    }

    /**
     * Runs {@code fn} in a transaction on the current datasource at the current level. If one is open there already,
     * {@code fn} joins it (the outer one commits or rolls back); otherwise one pooled connection is bound (autocommit
     * off) for the duration of {@code fn}, committed when it returns and rolled back when it throws.
     *
     * @param <T> the result type
     * @param <E> the checked exception {@code fn} may throw
     * @param fn  the work; must not be {@code null}
     * @return what {@code fn} returned
     * @throws E               what {@code fn} threw, after the rollback
     * @throws SQLException    if no connection could be had within the connection timeout, or the commit failed
     * @throws IllegalArgumentException RL2501 if the current datasource is not configured
     */
    public <T, E extends Exception> T transaction(LockedSupplier<T, E> fn) throws E, SQLException {
        return registry().transaction(null, fn);
    }

    /**
     * Runs {@code fn} in a transaction; see {@link #transaction(LockedSupplier)}.
     *
     * @param <E> the checked exception {@code fn} may throw
     * @param fn  the work; must not be {@code null}
     * @throws E            what {@code fn} threw, after the rollback
     * @throws SQLException if no connection could be had, or the commit failed
     */
    public <E extends Exception> void transaction(LockedRunnable<E> fn) throws E, SQLException {
        registry().transaction(null, supplier(fn));
    }

    /**
     * Runs {@code fn} in a transaction on a named datasource at the current level; see
     * {@link #transaction(LockedSupplier)}.
     *
     * @param <T>        the result type
     * @param <E>        the checked exception {@code fn} may throw
     * @param datasource a configured datasource name; must not be {@code null}
     * @param fn         the work; must not be {@code null}
     * @return what {@code fn} returned
     * @throws E                        what {@code fn} threw, after the rollback
     * @throws SQLException             if no connection could be had, or the commit failed
     * @throws IllegalArgumentException RL2501 if the datasource is not configured
     */
    public <T, E extends Exception> T transaction(String datasource, LockedSupplier<T, E> fn) throws E, SQLException {
        return registry().transaction(Objects.requireNonNull(datasource, "datasource"), fn);
    }

    /**
     * Runs {@code fn} in a transaction on a named datasource; see {@link #transaction(LockedSupplier)}.
     *
     * @param <E>        the checked exception {@code fn} may throw
     * @param datasource a configured datasource name; must not be {@code null}
     * @param fn         the work; must not be {@code null}
     * @throws E                        what {@code fn} threw, after the rollback
     * @throws SQLException             if no connection could be had, or the commit failed
     * @throws IllegalArgumentException RL2501 if the datasource is not configured
     */
    public <E extends Exception> void transaction(String datasource, LockedRunnable<E> fn) throws E, SQLException {
        registry().transaction(Objects.requireNonNull(datasource, "datasource"), supplier(fn));
    }

    /**
     * Runs {@code fn} at {@code level} with a fresh transaction context (no transaction of the caller is joined, even
     * at the same level), then restores the caller's context.
     *
     * @param <T>   the result type
     * @param <E>   the checked exception {@code fn} may throw
     * @param level the level; 0 or more
     * @param fn    the work; must not be {@code null}
     * @return what {@code fn} returned
     * @throws E                        what {@code fn} threw
     * @throws IllegalArgumentException if {@code level} is negative
     */
    public <T, E extends Exception> T switchDb(int level, LockedSupplier<T, E> fn) throws E {
        return registry().switchDb(null, level, fn);
    }

    /**
     * Runs {@code fn} at {@code level}; see {@link #switchDb(int, LockedSupplier)}.
     *
     * @param <E>   the checked exception {@code fn} may throw
     * @param level the level; 0 or more
     * @param fn    the work; must not be {@code null}
     * @throws E what {@code fn} threw
     */
    public <E extends Exception> void switchDb(int level, LockedRunnable<E> fn) throws E {
        registry().switchDb(null, level, supplier(fn));
    }

    /**
     * Runs {@code fn} at {@code level} with {@code datasource} as the current datasource and a fresh transaction
     * context; see {@link #switchDb(int, LockedSupplier)}.
     *
     * @param <T>        the result type
     * @param <E>        the checked exception {@code fn} may throw
     * @param datasource a configured datasource name; must not be {@code null}
     * @param level      the level; 0 or more
     * @param fn         the work; must not be {@code null}
     * @return what {@code fn} returned
     * @throws E                        what {@code fn} threw
     * @throws IllegalArgumentException RL2501 if the datasource is not configured, or if {@code level} is negative
     */
    public <T, E extends Exception> T switchDb(String datasource, int level, LockedSupplier<T, E> fn) throws E {
        return registry().switchDb(Objects.requireNonNull(datasource, "datasource"), level, fn);
    }

    /**
     * Runs {@code fn} at {@code level} with {@code datasource} as the current datasource; see
     * {@link #switchDb(String, int, LockedSupplier)}.
     *
     * @param <E>        the checked exception {@code fn} may throw
     * @param datasource a configured datasource name; must not be {@code null}
     * @param level      the level; 0 or more
     * @param fn         the work; must not be {@code null}
     * @throws E what {@code fn} threw
     */
    public <E extends Exception> void switchDb(String datasource, int level, LockedRunnable<E> fn) throws E {
        registry().switchDb(Objects.requireNonNull(datasource, "datasource"), level, supplier(fn));
    }

    /**
     * Runs {@code fn} one level up, with a fresh transaction context, then restores the caller's context. With no
     * datasource configured at all it just runs {@code fn}.
     *
     * @param <T> the result type
     * @param <E> the checked exception {@code fn} may throw
     * @param fn  the work; must not be {@code null}
     * @return what {@code fn} returned
     * @throws E what {@code fn} threw
     */
    public <T, E extends Exception> T switchDbIsolate(LockedSupplier<T, E> fn) throws E {
        return registry().switchDbIsolate(null, fn);
    }

    /**
     * Runs {@code fn} one level up; see {@link #switchDbIsolate(LockedSupplier)}.
     *
     * @param <E> the checked exception {@code fn} may throw
     * @param fn  the work; must not be {@code null}
     * @throws E what {@code fn} threw
     */
    public <E extends Exception> void switchDbIsolate(LockedRunnable<E> fn) throws E {
        registry().switchDbIsolate(null, supplier(fn));
    }

    /**
     * Runs {@code fn} one level up with {@code datasource} as the current datasource and a fresh transaction context,
     * then restores the caller's context. With a JTA transaction manager, {@code fn} also runs in a new transaction of
     * its own, committed when it returns and rolled back when it throws, with the caller's transaction suspended
     * meanwhile and resumed afterwards (also on failure). This is what {@code lockIsolate} calls once it holds the lock, with the
     * datasource of its {@code IsolateOptions}.
     *
     * <p>The level is one number for the whole call context, so every datasource moves up together; the name picks
     * the datasource that {@link #transaction(LockedSupplier)} uses inside, and is checked.
     *
     * @param <T>        the result type
     * @param <E>        the checked exception {@code fn} may throw
     * @param datasource a configured datasource name, or {@code null} to keep the current one; with {@code null} and
     *                   no datasource configured at all, {@code fn} just runs (so {@code lockIsolate} behaves like
     *                   {@code lock})
     * @param fn         the work; must not be {@code null}
     * @return what {@code fn} returned
     * @throws E                        what {@code fn} threw
     * @throws IllegalArgumentException RL2501 if {@code datasource} is not configured, naming the configured ones
     */
    public <T, E extends Exception> T switchDbIsolate(@Nullable String datasource, LockedSupplier<T, E> fn) throws E {
        return registry().switchDbIsolate(datasource, fn);
    }

    /**
     * What {@code lockIsolate} calls once it holds the lock: {@link #switchDbIsolate(String, LockedSupplier)}.
     *
     * @param <T>        the result type
     * @param <E>        the checked exception {@code fn} may throw
     * @param datasource a configured datasource name, or {@code null} to keep the current one
     * @param fn         the work; must not be {@code null}
     * @return what {@code fn} returned
     * @throws E                        what {@code fn} threw
     * @throws IllegalArgumentException RL2501 if {@code datasource} is not configured
     * @throws IllegalStateException    RL2520 if the JTA transaction manager failed (the isolated commit included)
     */
    @Override
    public <T, E extends Exception> T runIsolated(@Nullable String datasource, LockedSupplier<T, E> fn) throws E {
        return switchDbIsolate(datasource, fn);
    }

    /**
     * Runs {@code fn} one level up; see {@link #switchDbIsolate(String, LockedSupplier)}.
     *
     * @param <E>        the checked exception {@code fn} may throw
     * @param datasource a configured datasource name, or {@code null} to keep the current one
     * @param fn         the work; must not be {@code null}
     * @throws E what {@code fn} threw
     */
    public <E extends Exception> void switchDbIsolate(@Nullable String datasource, LockedRunnable<E> fn) throws E {
        registry().switchDbIsolate(datasource, supplier(fn));
    }

    /**
     * Captures the caller's level and current datasource, to run work on another thread at the same level. The
     * caller's open transactions are not carried (see {@link DatasourceContext}).
     *
     * @return the captured context
     */
    public DatasourceContext capture() {
        DatasourceRegistry r = registry();
        return new DatasourceContext(r, r.level(), r.datasource());
    }

    /**
     * Captures the caller's context one level up, for work on another thread that the caller waits for while it holds
     * a connection: the counterpart of {@link #switchDbIsolate(LockedSupplier)} across threads. With no datasource
     * configured the level stays.
     *
     * @return the captured context
     */
    public DatasourceContext captureIsolated() {
        DatasourceRegistry r = registry();
        int level = r.names().isEmpty() ? r.level() : Math.addExact(r.level(), 1);
        return new DatasourceContext(r, level, r.datasource());
    }

    /** Closes every pool; later use of connections fails with RL2508. Idempotent. */
    @PreDestroy
    @Override
    public void close() {
        registry().close();
    }

    private static <E extends Exception> LockedSupplier<@Nullable Void, E> supplier(LockedRunnable<E> fn) {
        Objects.requireNonNull(fn, "fn");
        return () -> {
            fn.run();
            return null;
        };
    }

    @Override
    public String toString() {
        DatasourceRegistry r = registry;
        return "DatasourceLevels" + (r == null ? "[not initialized]" : r.names());
    }
}
