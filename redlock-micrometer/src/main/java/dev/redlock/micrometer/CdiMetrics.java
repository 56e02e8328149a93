package dev.redlock.micrometer;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.jspecify.annotations.Nullable;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import dev.redlock.cdi.Onion;
import dev.redlock.cdi.RedlockEvent;
import dev.redlock.core.Redlock;

/**
 * The CDI binding, switched on by this module being on the class path of an application that has a
 * {@link MeterRegistry} bean: at start-up it binds the engine meters of every client (tag {@code client}: locks held,
 * waiters, node votes, release node errors), and it records the lock meters per meta (tags {@code client},
 * {@code module}, {@code meta}) from the {@link RedlockEvent}s it observes. Without a registry bean it does nothing.
 * Application scoped; thread-safe.
 *
 * @since 0.2
 */
@ApplicationScoped
public class CdiMetrics {

    private static final System.Logger LOG = System.getLogger(CdiMetrics.class.getName());

    private final Onion onion;
    private final Instance<MeterRegistry> registries;
    /** The lock meters by client, then by meta: two look-ups, no key to build per event. */
    private final Map<String, Map<String, LockMeters>> perMeta = new ConcurrentHashMap<>();
    private final List<RedlockMetrics> engines = new ArrayList<>();
    private final AtomicBoolean warned = new AtomicBoolean();
    /** The registry once looked up; {@code null} before, {@link #NONE} if the application has none. */
    private volatile @Nullable Object registry;
    private static final Object NONE = new Object();

    /** For the container's client proxy only. */
    protected CdiMetrics() {
        this.onion = null;
        this.registries = null;
    }

    /**
     * Created by the container.
     *
     * @param onion      the application's inspect service, which knows every client's engine
     * @param registries the application's meter registry, if it has one
     */
    @Inject
    public CdiMetrics(Onion onion, Instance<MeterRegistry> registries) {
        this.onion = onion;
        this.registries = registries;
    }

    /**
     * Binds the engine meters when the application starts, after the engines started.
     *
     * @param startup the container's start event
     */
    void start(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 500) Startup startup) {
        registry();
    }

    /**
     * Records a lock event in the meters of its meta. Runs on engine and caller threads: a map look-up and a
     * counter or timer update; a failure here is logged once and never reaches the lock call.
     *
     * @param event the event
     */
    void record(@Observes RedlockEvent event) {
        MeterRegistry r = registry();
        if (r == null) {
            return;
        }
        try {
            LockMeters m = meters(r, event);
            switch (event.kind()) {
                case ACQUIRED -> m.acquired(event.elapsed());
                case ACQUISITION_FAILED -> m.acquisitionFailed(event.elapsed(),
                        event.reason() != null ? event.reason() : "OTHER");
                case EXTENDED -> m.extended();
                case EXTENSION_FAILED -> m.extensionFailed();
                case RELEASED -> m.released(event.elapsed());
                case LOST -> m.lost(event.elapsed());
            }
        } catch (RuntimeException e) {
            if (warned.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "redlock: recording a lock event in Micrometer failed; later failures are not"
                        + " logged: " + e, e);
            }
        }
    }

    /** The meters of {@code event}'s meta: plain look-ups once they exist (nothing allocated per event). */
    private LockMeters meters(MeterRegistry r, RedlockEvent event) {
        Map<String, LockMeters> metas = perMeta.get(event.client());
        if (metas == null) {
            metas = perMeta.computeIfAbsent(event.client(), k -> new ConcurrentHashMap<>());
        }
        LockMeters m = metas.get(event.meta());
        if (m == null) {
            m = metas.computeIfAbsent(event.meta(), k -> new LockMeters(r, Tags.of("client", event.client(),
                    "module", event.module(), "meta", event.meta()), false));
        }
        return m;
    }

    /** The registry, binding the engines on the first call; {@code null} if the application has none. */
    private @Nullable MeterRegistry registry() {
        Object r = registry;
        if (r == null) {
            synchronized (this) {
                r = registry;
                if (r == null) {
                    r = bind();
                    registry = r;
                }
            }
        }
        return r == NONE ? null : (MeterRegistry) r;
    }

    private Object bind() {
        if (!registries.isResolvable()) {
            return NONE;
        }
        MeterRegistry r = registries.get();
        for (Map.Entry<String, Redlock> e : onion.redlock().engines().entrySet()) {
            engines.add(RedlockMetrics.bindEngine(e.getValue(), r, e.getKey()));
        }
        return r;
    }

    /** Removes the meters and the engine listeners. */
    @PreDestroy
    void close() {
        synchronized (this) {
            engines.forEach(RedlockMetrics::close);
            engines.clear();
            perMeta.values().forEach(metas -> metas.values().forEach(LockMeters::remove));
            perMeta.clear();
        }
    }
}
