package dev.redlock.bench.cdi;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import dev.redlock.api.LockOptions;
import dev.redlock.cdi.RedlockExtension;
import dev.redlock.micrometer.MetricsExtension;

/**
 * A Weld SE container with the redlock extension and {@link MetaRedlock}, configured for {@code nodes}: the CDI path
 * of W6 and of the JMH benchmarks. Each instance is its own container, so its own lock engine and connections.
 */
public final class CdiBench implements AutoCloseable {

    private final WeldContainer container;
    private final MetaRedlock redlock;
    private final LockOptions options;

    /**
     * Starts the container.
     *
     * @param nodes the Redis node URIs
     * @param leaseTime the lease time ({@code redlock.lease-time}), the same as the engine gets in the same workload
     */
    public CdiBench(List<String> nodes, Duration leaseTime) {
        this(nodes, leaseTime, false);
    }

    /**
     * Starts the container, with or without {@code redlock-micrometer} bound to a {@code MeterRegistry} bean.
     *
     * @param nodes     the Redis node URIs
     * @param leaseTime the lease time ({@code redlock.lease-time})
     * @param metrics   whether the container has the metrics extension and a registry ({@link BenchRegistry})
     */
    public CdiBench(List<String> nodes, Duration leaseTime, boolean metrics) {
        Map<String, String> props = Map.of("redlock.nodes", String.join(",", nodes), "redlock.app-name", "bench",
                "redlock.lease-time", leaseTime.toMillis() + "ms");
        Map<String, String> previous = new HashMap<>();
        // the extension reads its configuration once, at start-up
        synchronized (CdiBench.class) {
            props.forEach((k, v) -> previous.put(k, System.setProperty(k, v)));
            try {
                Weld weld = new Weld("bench-" + UUID.randomUUID()).disableDiscovery()
                        .addBuildCompatibleExtensions(RedlockExtension.class).addBeanClass(MetaRedlock.class)
                        .skipShutdownHook();
                if (metrics) {
                    weld.addBuildCompatibleExtensions(MetricsExtension.class).addBeanClass(BenchRegistry.class);
                }
                this.container = weld.initialize();
            } finally {
                previous.forEach((k, v) -> {
                    if (v == null) {
                        System.clearProperty(k);
                    } else {
                        System.setProperty(k, v);
                    }
                });
            }
        }
        this.redlock = container.select(MetaRedlock.class).get();
        this.options = LockOptions.builder().leaseTime(leaseTime).build();
    }

    /**
     * Runs {@code body} under the lock {@code bench-{id}} through the injected meta bean.
     *
     * @param id   the template argument
     * @param body what runs under the lock
     */
    public void locked(String id, Runnable body) {
        redlock.lock(MetaRedlock_.Lock.bench(id), options, session -> {
            body.run();
            return null;
        });
    }

    /** Stops the container: its engine releases what it holds and closes its connections. */
    @Override
    public void close() {
        container.close();
    }
}
