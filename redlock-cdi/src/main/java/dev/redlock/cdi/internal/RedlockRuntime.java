package dev.redlock.cdi.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.jspecify.annotations.Nullable;
import org.redisson.api.RedissonClient;

import dev.redlock.api.HeldLock;
import dev.redlock.api.IsolateOptions;
import dev.redlock.api.LockOptions;
import dev.redlock.api.LockSession;
import dev.redlock.api.LockedFunction;
import dev.redlock.api.LockedSupplier;
import dev.redlock.api.Meta;
import dev.redlock.api.MetaSlice;
import dev.redlock.api.RedlockResource;
import dev.redlock.api.spi.DatasourceIsolation;
import dev.redlock.api.spi.KeyText;
import dev.redlock.api.spi.MetaBinding;
import dev.redlock.api.spi.RedlockBinder;
import dev.redlock.core.LockEvent;
import dev.redlock.core.Redlock;

/**
 * What the extension runs after a successful deployment: one engine per client, the bindings of the meta beans,
 * and the inspect views. Thread-safe.
 */
public final class RedlockRuntime implements RedlockBinder, AutoCloseable {

    private static final System.Logger LOG = System.getLogger("dev.redlock.cdi");

    private final Settings settings;
    private final Map<Class<?>, EffectiveMeta> metas;
    private final Map<String, Redlock> engines;
    private final NodeClients nodeClients;
    private final Supplier<@Nullable String> instanceNames;
    private final Supplier<@Nullable DatasourceIsolation> isolationLookup;
    private volatile @Nullable DatasourceIsolation isolation;
    private final Map<Class<?>, Binding> bindings = new ConcurrentHashMap<>();
    /** The keys held by the current thread: a nested lock of the same key fails fast instead of waiting forever. */
    private final ThreadLocal<Set<String>> held = ThreadLocal.withInitial(HashSet::new);
    private volatile boolean closed;

    private RedlockRuntime(Settings settings, Map<Class<?>, EffectiveMeta> metas, Map<String, Redlock> engines,
            NodeClients nodeClients, Supplier<@Nullable String> instanceNames,
            Supplier<@Nullable DatasourceIsolation> isolationLookup) {
        this.isolationLookup = isolationLookup;
        this.settings = settings;
        this.metas = metas;
        this.engines = engines;
        this.nodeClients = nodeClients;
        this.instanceNames = instanceNames;
    }

    /** {@code lockIsolate} without a datasource integration: {@code lock}, the datasource name ignored. */
    private static final DatasourceIsolation NO_ISOLATION = new DatasourceIsolation() {
        @Override
        public void checkDatasource(@Nullable String datasource) {
            // nothing to check: no datasource integration is deployed
        }

        @Override
        public <T, E extends Exception> T runIsolated(@Nullable String datasource, LockedSupplier<T, E> fn)
                throws E {
            return fn.get();
        }
    };

    /** The deployed datasource isolation, looked up once (on first use, when every bean is available). */
    private DatasourceIsolation isolation() {
        DatasourceIsolation i = isolation;
        if (i == null) {
            DatasourceIsolation found = isolationLookup.get();
            i = found != null ? found : NO_ISOLATION;
            isolation = i;
        }
        return i;
    }

    /**
     * Starts the engines: creates the node clients, logs which nodes answered, builds one engine per client.
     *
     * @param settings      the settings
     * @param metas         the effective metas by class
     * @param instanceNames supplies the instance name when a call gives none
     * @param isolation     looks up the datasource isolation {@code lockIsolate} runs its function through, once, at
     *                      the first {@code lockIsolate}; {@code null} when none is deployed
     * @param problems      receives a problem per engine that could not start
     * @return the runtime, or {@code null} if an engine could not start (everything created is closed again)
     */
    static @Nullable RedlockRuntime start(Settings settings, Map<Class<?>, EffectiveMeta> metas,
            Supplier<@Nullable String> instanceNames, Supplier<@Nullable DatasourceIsolation> isolation,
            List<DeploymentException> problems) {
        NodeClients nodeClients = new NodeClients();
        Map<String, Redlock> engines = new LinkedHashMap<>();
        for (ClientSettings client : settings.clients().values()) {
            try {
                List<RedissonClient> clients = nodeClients.clientsFor(client);
                int answered = nodeClients.pingAndLog(client, clients);
                LOG.log(answered > client.nodes().size() / 2 ? Level.INFO : Level.WARNING,
                        "redlock: client ''{0}'': {1} of {2} nodes answered (quorum {3}); key prefix ''{4}'',"
                                + " lease time {5}",
                        client.name(), answered, client.nodes().size(), client.nodes().size() / 2 + 1,
                        settings.keyPrefix(), client.leaseTime());
                engines.put(client.name(), Redlock.builder()
                        .clients(clients)
                        .driftFactor(client.driftFactor())
                        .retryCount(client.retryCount())
                        .retryDelay(client.retryDelay())
                        .retryJitter(client.retryJitter())
                        .automaticExtensionThreshold(client.extensionThreshold())
                        .commandTimeout(client.commandTimeout())
                        .unreachableTimeout(client.unreachableTimeout())
                        .fifo(client.fifo())
                        .listener(RedlockRuntime::logEvent)
                        .build());
            } catch (RuntimeException e) {
                problems.add(CdiMessages.engineFailed(client.name(), e));
            }
        }
        RedlockRuntime runtime = new RedlockRuntime(settings, metas, engines, nodeClients, instanceNames,
                isolation);
        if (engines.size() < settings.clients().size()) {
            runtime.close();
            return null;
        }
        return runtime;
    }

    private static void logEvent(LockEvent event) {
        if (event.type() == LockEvent.Type.LOST) {
            LOG.log(Level.WARNING, "redlock: lock lost: " + event.keys() + ": " + event.error());
        }
    }

    /** The settings in use. */
    Settings settings() {
        return settings;
    }

    @Override
    public MetaBinding bind(Class<?> beanClass) {
        Objects.requireNonNull(beanClass, "beanClass");
        for (Class<?> c = beanClass; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Meta.class)) {
                EffectiveMeta meta = metas.get(c);
                if (meta == null) {
                    break;
                }
                return bindings.computeIfAbsent(c, k -> new Binding(meta));
            }
        }
        throw CdiMessages.notAMeta(beanClass);
    }

    /**
     * The binding of a meta class, with the asynchronous form {@code @Locked} needs.
     *
     * @param metaClass the {@code @Meta} class
     * @return the binding
     */
    Binding binding(Class<?> metaClass) {
        return (Binding) bind(metaClass);
    }

    /**
     * The metas in effect, sorted by full name.
     *
     * @return the slices
     */
    public List<MetaSlice> effectiveSlices() {
        return metas.values().stream()
                .filter(EffectiveMeta::inEffect)
                .map(EffectiveMeta::slice)
                .sorted(Comparator.comparing(MetaSlice::name))
                .toList();
    }

    /**
     * The meta names of every discovered meta, in effect or not, plus {@code redlock}.
     *
     * @return the known meta kinds
     */
    public Set<String> metaKinds() {
        Set<String> kinds = new HashSet<>();
        kinds.add("redlock");
        metas.values().forEach(m -> kinds.add(m.site().meta()));
        return kinds;
    }

    /**
     * The locks held now under this application's key prefix, across every client's nodes, sorted by key.
     *
     * @return the held locks
     */
    public List<HeldLock> heldLocks() {
        checkRunning();
        String pattern = Keys.globFor(settings.keyPrefix());
        Map<String, HeldLock> byKey = new TreeMap<>();
        for (Redlock engine : engines.values()) {
            for (HeldLock lock : engine.inspect(pattern)) {
                byKey.putIfAbsent(lock.key(), lock);
            }
        }
        return List.copyOf(byKey.values());
    }

    private void checkRunning() {
        if (closed) {
            throw CdiMessages.notRunning();
        }
    }

    /** Closes the engines (releasing the locks they still hold), then the node clients. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Map.Entry<String, Redlock> e : engines.entrySet()) {
            try {
                e.getValue().close();
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "redlock: closing the engine of client '" + e.getKey() + "' failed: " + ex, ex);
            }
        }
        nodeClients.close();
        LOG.log(Level.INFO, "redlock: stopped; held locks released");
    }

    /** The binding of one meta bean: names its keys, picks its client and lease time, guards against nesting. */
    final class Binding implements MetaBinding {

        private final EffectiveMeta meta;
        private final String module;
        private final Settings.@Nullable ModuleSettings moduleSettings;

        Binding(EffectiveMeta meta) {
            this.meta = meta;
            this.module = String.valueOf(meta.site().moduleName());
            this.moduleSettings = settings.modules().get(module);
        }

        @Override
        public <T, E extends Exception> T lock(RedlockResource resource, LockOptions options, LockedFunction<T, E> fn)
                throws E {
            return locked("lock", meta.site().lockResources(), resource, options, fn);
        }

        @Override
        public <T, E extends Exception> T lockIsolate(RedlockResource resource, IsolateOptions options,
                LockedFunction<T, E> fn) throws E {
            // lock + the next datasource level: fn gets its own pool and transaction context, so a caller holding a
            // pooled connection cannot deadlock with it. Without a DatasourceIsolation bean this is exactly lock.
            DatasourceIsolation isolation = isolation();
            String datasource = options.datasource();
            isolation.checkDatasource(datasource); // an unknown name fails before the lock is taken
            return locked("lockIsolate", meta.site().isolateResources(), resource, options.lock(),
                    session -> isolation.runIsolated(datasource, () -> fn.apply(session)));
        }

        private <T, E extends Exception> T locked(String method, List<String> declared, RedlockResource resource,
                LockOptions options, LockedFunction<T, E> fn) throws E {
            Target target = target(method, declared, resource, options);
            Set<String> mine = held.get();
            // by key alone: two clients may share nodes, and waiting for oneself never ends
            if (!mine.add(target.key())) {
                throw CdiMessages.nestedLock(meta.fullName(), target.key());
            }
            try {
                return target.engine().using(List.of(target.key()), target.leaseTime(), target.waitTime(), fn);
            } finally {
                mine.remove(target.key());
            }
        }

        /**
         * {@code lock} ({@code isolate} false) or {@code lockIsolate} of a function returning a stage: acquires on the
         * calling thread, runs {@code fn} there (at the next datasource level for {@code lockIsolate}), keeps the lock
         * extended until the stage {@code fn} returned completes, then releases it. What {@code @Locked} does for a
         * method returning a {@code CompletionStage}.
         *
         * @return a stage completing after the release, with {@code fn}'s stage's result or failure (and a loss)
         * @throws Exception what acquiring threw ({@code LockAcquisitionException}), or what {@code fn} threw itself
         *                   (then the lock is released first)
         */
        <T> CompletionStage<T> lockAsync(boolean isolate, RedlockResource resource, IsolateOptions options,
                LockedFunction<? extends CompletionStage<T>, Exception> fn) throws Exception {
            DatasourceIsolation isolation = isolate ? isolation() : NO_ISOLATION;
            String datasource = options.datasource();
            isolation.checkDatasource(datasource);
            Target target = isolate
                    ? target("lockIsolate", meta.site().isolateResources(), resource, options.lock())
                    : target("lock", meta.site().lockResources(), resource, options.lock());
            Set<String> mine = held.get();
            if (!mine.add(target.key())) {
                throw CdiMessages.nestedLock(meta.fullName(), target.key());
            }
            try {
                CompletableFuture<LockSession> granted = new CompletableFuture<>();
                CompletableFuture<T> body = new CompletableFuture<>();
                CompletableFuture<T> done = target.engine().usingAsync(List.of(target.key()), target.leaseTime(),
                        target.waitTime(), session -> {
                            granted.complete(session);
                            return body;
                        }).toCompletableFuture();
                done.whenComplete((r, e) -> {
                    if (e != null) {
                        granted.completeExceptionally(e); // not granted: acquisition failed
                    }
                });
                LockSession session;
                try {
                    session = granted.get();
                } catch (InterruptedException e) {
                    body.completeExceptionally(e); // released at once if granted later
                    Thread.currentThread().interrupt();
                    throw e;
                } catch (ExecutionException e) {
                    throw unwrapped(e);
                }
                CompletionStage<T> stage;
                try {
                    stage = Objects.requireNonNull(isolation.runIsolated(datasource, () -> fn.apply(session)),
                            "the @Locked method returned null instead of a CompletionStage");
                } catch (Exception | Error e) {
                    body.completeExceptionally(e);
                    awaitQuietly(done); // released before the caller hears of the failure, as for lock
                    throw e;
                }
                stage.whenComplete((r, e) -> {
                    if (e != null) {
                        body.completeExceptionally(e);
                    } else {
                        body.complete(r);
                    }
                });
                return done;
            } finally {
                mine.remove(target.key());
            }
        }

        /** Where and how a call locks: the rules of the meta's {@code lock} and {@code lockIsolate}, in one place. */
        private Target target(String method, List<String> declared, RedlockResource resource, LockOptions options) {
            checkRunning();
            if (!meta.inEffect()) {
                throw CdiMessages.notInEffect(meta.fullName(), meta.whyNotInEffect(settings.profiles()));
            }
            if (!declared.contains(resource.template())) {
                throw CdiMessages.undeclaredResource(meta.fullName(), method, resource.template(), declared);
            }
            String value = resource.resource();
            String bad = value == null ? "must not be null" : KeyText.RESOURCE.problem(value);
            if (bad != null) {
                throw CdiMessages.badResourceValue(meta.fullName(), String.valueOf(value), bad);
            }
            String instance = options.instance() != null ? options.instance() : checkedInstance(instanceNames.get());
            String key = Keys.key(settings.keyPrefix(), instance, module, value);
            String clientName = options.client() != null ? options.client() : meta.client();
            Redlock engine = engines.get(clientName);
            if (engine == null) {
                throw CdiMessages.unknownClient(meta.fullName(), clientName, engines.keySet());
            }
            ClientSettings client = settings.clients().get(clientName);
            Duration leaseTime = options.leaseTime() != null
                    ? options.leaseTime()
                    : moduleSettings != null && moduleSettings.leaseTime() != null
                            ? moduleSettings.leaseTime()
                            : client.leaseTime();
            Duration wait = options.waitTime() != null
                    ? options.waitTime()
                    : moduleSettings != null && moduleSettings.waitTime() != null
                            ? moduleSettings.waitTime()
                            : client.waitTime();
            return new Target(engine, key, leaseTime, wait);
        }

        private @Nullable String checkedInstance(@Nullable String instance) {
            // the same rule as LockOptions.instance
            return instance == null ? null : KeyText.INSTANCE.check(instance, "instance");
        }
    }

    /** The engine, key and times of one call. */
    private record Target(Redlock engine, String key, Duration leaseTime, @Nullable Duration waitTime) {
    }

    /** The cause of a failed stage, as the synchronous call would have thrown it. */
    private static Exception unwrapped(ExecutionException e) {
        Throwable c = e.getCause();
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof Error err) {
            throw err;
        }
        return c instanceof Exception ex ? ex : e;
    }

    /** Waits for {@code stage} to complete, ignoring its outcome; keeps the interrupt flag. */
    private static void awaitQuietly(CompletableFuture<?> stage) {
        try {
            stage.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the failure the caller gets is the one already in hand
        }
    }
}
