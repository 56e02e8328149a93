package dev.redlock.cdi.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.jspecify.annotations.Nullable;

import dev.redlock.api.HeldLock;
import dev.redlock.api.IsolateOptions;
import dev.redlock.api.LockAcquisitionException;
import dev.redlock.api.LockOptions;
import dev.redlock.api.LockSession;
import dev.redlock.api.LockState;
import dev.redlock.api.LockedFunction;
import dev.redlock.api.LockedSupplier;
import dev.redlock.api.Meta;
import dev.redlock.api.MetaSlice;
import dev.redlock.api.RedlockResource;
import dev.redlock.api.spi.DatasourceIsolation;
import dev.redlock.api.spi.KeyText;
import dev.redlock.api.spi.MetaBinding;
import dev.redlock.api.spi.RedlockBinder;
import dev.redlock.cdi.RedlockEvent;
import dev.redlock.core.Lock;
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
    private final Supplier<@Nullable String> instanceNames;
    private final Supplier<@Nullable DatasourceIsolation> isolationLookup;
    private final LockEvents events;
    private volatile @Nullable DatasourceIsolation isolation;
    private final Map<Class<?>, Binding> bindings = new ConcurrentHashMap<>();
    /** The keys held by the current thread: a nested lock of the same key fails fast instead of waiting forever. */
    private final ThreadLocal<Set<String>> held = ThreadLocal.withInitial(HashSet::new);
    private volatile boolean closed;

    private RedlockRuntime(Settings settings, Map<Class<?>, EffectiveMeta> metas, Map<String, Redlock> engines,
            Supplier<@Nullable String> instanceNames,
            Supplier<@Nullable DatasourceIsolation> isolationLookup, LockEvents events) {
        this.isolationLookup = isolationLookup;
        this.events = events;
        this.settings = settings;
        this.metas = metas;
        this.engines = engines;
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
     * @param events        receives the lock events of the meta beans' calls, as CDI events
     * @param problems      receives a problem per engine that could not start
     * @return the runtime, or {@code null} if an engine could not start (everything created is closed again)
     */
    static @Nullable RedlockRuntime start(Settings settings, Map<Class<?>, EffectiveMeta> metas,
            Supplier<@Nullable String> instanceNames, Supplier<@Nullable DatasourceIsolation> isolation,
            Consumer<RedlockEvent> events, List<DeploymentException> problems) {
        LockEvents lockEvents = new LockEvents(events);
        Map<String, Redlock> engines = new LinkedHashMap<>();
        for (ClientSettings client : settings.clients().values()) {
            try {
                Redlock.Builder builder = Redlock.builder()
                        .nodes(client.nodes().stream().map(ClientSettings.NodeAddress::engineUri).toList())
                        .verifyHostname(client.tls().verifyHostname());
                ClientSettings.TlsSettings tls = client.tls();
                if (tls.truststore() != null) {
                    builder.truststore(tls.truststore(), tls.truststorePassword());
                }
                if (tls.keystore() != null) {
                    builder.keystore(tls.keystore(), tls.keystorePassword());
                }
                // the engine contacts every node at build() and logs a warning for each one that did not answer
                engines.put(client.name(), builder
                        .driftFactor(client.driftFactor())
                        .retryCount(client.retryCount())
                        .retryDelay(client.retryDelay())
                        .retryJitter(client.retryJitter())
                        .automaticExtensionThreshold(client.extensionThreshold())
                        .commandTimeout(client.commandTimeout())
                        .unreachableTimeout(client.unreachableTimeout())
                        .fifo(client.fifo())
                        .listener(lockEvents)
                        .build());
                LOG.log(Level.INFO, "redlock: client ''{0}'': nodes {1} (quorum {2}); key prefix ''{3}'', lease time"
                        + " {4}", client.name(), client.nodes(), client.nodes().size() / 2 + 1, settings.keyPrefix(),
                        client.leaseTime());
            } catch (RuntimeException e) {
                problems.add(CdiMessages.engineFailed(client.name(), e));
            }
        }
        RedlockRuntime runtime = new RedlockRuntime(settings, metas, engines, instanceNames, isolation,
                lockEvents);
        if (engines.size() < settings.clients().size()) {
            runtime.close();
            return null;
        }
        return runtime;
    }

    /**
     * The engine of a client.
     *
     * @param client the client's name
     * @return its engine
     * @throws IllegalArgumentException if no such client is configured
     */
    public Redlock engine(String client) {
        checkRunning();
        Redlock engine = engines.get(client);
        if (engine == null) {
            throw CdiMessages.unknownClient("@RedlockClient", client, engines.keySet());
        }
        return engine;
    }

    /**
     * The engine of each client.
     *
     * @return the engines by client name, in configuration order; unmodifiable
     */
    public Map<String, Redlock> engines() {
        return Collections.unmodifiableMap(engines);
    }

    /**
     * The level of the record each inspect call logs ({@code redlock.inspect.log-level}).
     *
     * @return the level
     */
    public Level inspectLogLevel() {
        return settings.inspectLogLevel();
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
     * The locks held now under this application's key prefix, across every client's nodes, sorted by key: held by a
     * quorum ({@code HELD}) or left on a minority of nodes ({@code HELD_ON_MINORITY}).
     *
     * @return the held locks
     */
    public List<HeldLock> heldLocks() {
        checkRunning();
        String pattern = Keys.globFor(settings.keyPrefix());
        Map<String, HeldLock> byKey = new TreeMap<>();
        for (Redlock engine : engines.values()) {
            for (HeldLock lock : engine.inspect(pattern)) {
                // clients sharing nodes see one key twice: a quorum's view wins over a minority's
                byKey.merge(lock.key(), lock, (a, b) -> a.state() == LockState.HELD ? a : b);
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
        LOG.log(Level.INFO, "redlock: stopped; held locks released");
    }

    /**
     * What one call locks: keys on one engine, with the lease and wait it uses, and what its events name.
     *
     * @param engine    the client's engine
     * @param keys      the keys, one per resource
     * @param leaseTime the lease time
     * @param waitTime  the wait time
     * @param call      what the events name
     */
    private record Target(Redlock engine, List<String> keys, Duration leaseTime, Duration waitTime,
            LockEvents.Call call) {
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
            return locked(target("lock", List.of(resource), false, options), fn);
        }

        @Override
        public <T, E extends Exception> T lockAll(List<? extends RedlockResource> resources, LockOptions options,
                LockedFunction<T, E> fn) throws E {
            if (resources.isEmpty()) {
                throw new IllegalArgumentException("resources must not be empty");
            }
            return locked(target("lock", resources, false, options), fn);
        }

        @Override
        public <T, E extends Exception> Optional<T> tryLock(RedlockResource resource, LockOptions options,
                LockedFunction<T, E> fn) throws E {
            Target target = target("tryLock", List.of(resource), false, options);
            boolean[] ran = {false};
            try {
                return Optional.of(locked(target, session -> {
                    ran[0] = true;
                    return Objects.requireNonNull(fn.apply(session), "fn returned null; tryLock returns its result"
                            + " in an Optional, so fn must return a value (Boolean.TRUE for a function without one)");
                }));
            } catch (LockAcquisitionException e) {
                // as Redlock#tryAcquire: empty only when a holder kept the resource, not when nodes were unreachable
                // or the caller was interrupted; an acquisition failing inside fn is fn's own failure
                if (!ran[0] && e.reason() == LockAcquisitionException.Reason.HELD
                        && !(e.getCause() instanceof InterruptedException) && !Thread.currentThread().isInterrupted()) {
                    return Optional.empty();
                }
                throw e;
            }
        }

        @Override
        public <T, E extends Exception> T lockIsolate(RedlockResource resource, IsolateOptions options,
                LockedFunction<T, E> fn) throws E {
            // lock + the next datasource level: fn gets its own pool and transaction context, so a caller holding a
            // pooled connection cannot deadlock with it. Without a DatasourceIsolation bean this is exactly lock.
            DatasourceIsolation isolation = isolation();
            String datasource = options.datasource();
            isolation.checkDatasource(datasource); // an unknown name fails before the lock is taken
            return locked(target("lockIsolate", List.of(resource), true, options.lock()),
                    session -> isolation.runIsolated(datasource, () -> fn.apply(session)));
        }

        @Override
        public <T> CompletionStage<T> lockAsync(RedlockResource resource, LockOptions options,
                Function<LockSession, ? extends CompletionStage<T>> fn) {
            return lockedAsync(target("lockAsync", List.of(resource), false, options), fn);
        }

        @Override
        public <T> CompletionStage<T> lockIsolateAsync(RedlockResource resource, IsolateOptions options,
                Executor executor, LockedFunction<T, ?> fn) {
            // a datasource level belongs to the thread that runs the function, so the isolated work is one blocking
            // function run on one executor thread from start to end, not a chain of stages
            DatasourceIsolation isolation = isolation();
            String datasource = options.datasource();
            isolation.checkDatasource(datasource);
            return lockedAsync(target("lockIsolateAsync", List.of(resource), true, options.lock()),
                    session -> CompletableFuture.supplyAsync(() -> {
                        try {
                            return isolation.runIsolated(datasource, () -> fn.apply(session));
                        } catch (RuntimeException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new CompletionException(e);
                        }
                    }, executor));
        }

        @Override
        public LockState lockState(RedlockResource resource, boolean isolate) {
            Target target = target(isolate ? "isLockedIsolate" : "isLocked", List.of(resource), isolate,
                    LockOptions.defaults());
            return target.engine().lockState(target.keys().get(0));
        }

        @Override
        public MetaSlice slice() {
            return meta.slice();
        }

        /** Checks the call and the resources, and names the keys, engine, lease and wait of the lock. */
        private Target target(String method, List<? extends RedlockResource> resources, boolean isolate,
                LockOptions options) {
            checkRunning();
            if (!meta.inEffect()) {
                throw CdiMessages.notInEffect(meta.fullName(), meta.whyNotInEffect(settings.profiles()));
            }
            List<String> declared = isolate ? meta.site().isolateResources() : meta.site().lockResources();
            String instance = options.instance() != null ? options.instance() : checkedInstance(instanceNames.get());
            List<String> keys = new ArrayList<>();
            List<String> templates = new ArrayList<>();
            for (RedlockResource resource : resources) {
                if (!declared.contains(resource.template())) {
                    throw CdiMessages.undeclaredResource(meta.fullName(), method, resource.template(), declared);
                }
                String value = resource.resource();
                String bad = value == null ? "must not be null" : KeyText.RESOURCE.problem(value);
                if (bad != null) {
                    throw CdiMessages.badResourceValue(meta.fullName(), String.valueOf(value), bad);
                }
                String key = Keys.key(settings.keyPrefix(), instance, module, value);
                if (keys.contains(key)) {
                    throw new IllegalArgumentException("resources must not name a resource twice, was '" + value
                            + "' in " + resources.stream().map(RedlockResource::resource).toList());
                }
                keys.add(key);
                templates.add(resource.template());
            }
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
            return new Target(engine, List.copyOf(keys), leaseTime, wait,
                    new LockEvents.Call(clientName, module, meta.fullName(), String.join(",", templates)));
        }

        /** Runs {@code fn} under the target's lock on this thread; a key this thread holds already fails fast. */
        private <T, E extends Exception> T locked(Target target, LockedFunction<T, E> fn) throws E {
            Set<String> mine = held.get();
            List<String> added = new ArrayList<>();
            try {
                for (String key : target.keys()) {
                    // by key alone: two clients may share nodes, and waiting for oneself never ends
                    if (!mine.add(key)) {
                        throw CdiMessages.nestedLock(meta.fullName(), key);
                    }
                    added.add(key);
                }
                String[] lockId = new String[1];
                long start = System.nanoTime();
                events.enter(target.keys(), target.call());
                try {
                    return target.engine().using(target.keys(), target.leaseTime(), target.waitTime(), session -> {
                        lockId[0] = ((Lock) session).id();
                        events.acquired((Lock) session, target.call(), start);
                        return fn.apply(session);
                    });
                } finally {
                    events.leave(target.keys(), lockId[0]);
                }
            } finally {
                added.forEach(mine::remove);
            }
        }

        /** Runs {@code fn} under the target's lock, asynchronously, until the stage it returns completes. */
        private <T> CompletionStage<T> lockedAsync(Target target,
                Function<LockSession, ? extends CompletionStage<T>> fn) {
            AtomicReference<@Nullable String> lockId = new AtomicReference<>();
            long start = System.nanoTime();
            events.enter(target.keys(), target.call());
            CompletionStage<T> stage;
            try {
                stage = target.engine().usingAsync(target.keys(), target.leaseTime(), target.waitTime(), session -> {
                    lockId.set(((Lock) session).id());
                    events.acquired((Lock) session, target.call(), start);
                    return fn.apply(session);
                });
            } catch (RuntimeException | Error e) {
                events.leave(target.keys(), null);
                throw e;
            }
            return stage.whenComplete((result, failure) -> events.leave(target.keys(), lockId.get()));
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
            Target target = target(isolate ? "lockIsolate" : "lock", List.of(resource), isolate, options.lock());
            Set<String> mine = held.get();
            List<String> added = new ArrayList<>();
            try {
                for (String key : target.keys()) {
                    if (!mine.add(key)) { // this thread waits for the grant: waiting for itself would never end
                        throw CdiMessages.nestedLock(meta.fullName(), key);
                    }
                    added.add(key);
                }
                CompletableFuture<LockSession> granted = new CompletableFuture<>();
                CompletableFuture<T> body = new CompletableFuture<>();
                CompletableFuture<T> done = lockedAsync(target, session -> {
                    granted.complete(session);
                    return body;
                }).toCompletableFuture();
                done.whenComplete((r, e) -> {
                    if (e != null) {
                        granted.completeExceptionally(e); // not granted: the acquisition failed
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
                added.forEach(mine::remove);
            }
        }

        private @Nullable String checkedInstance(@Nullable String instance) {
            // the same rule as LockOptions.instance
            return instance == null ? null : KeyText.INSTANCE.check(instance, "instance");
        }
    }

    /** The cause of {@code e}, past completion wrappers; an {@link Error} is rethrown. */
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
