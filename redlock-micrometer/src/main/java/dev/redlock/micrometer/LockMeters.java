package dev.redlock.micrometer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import dev.redlock.api.LockAcquisitionException;

/**
 * The meters of the lock lifecycle for one set of tags: a client (the standalone binding), or a client, module and
 * meta (CDI). Thread-safe; recording is a map-free field access except for a failure reason not seen before.
 */
final class LockMeters {

    private final MeterRegistry registry;
    private final Tags tags;
    private final Timer waitGranted;
    private final Timer waitFailed;
    private final Timer holdReleased;
    private final Timer holdLost;
    private final Counter grants;
    private final Counter extensions;
    private final Counter extensionFailures;
    private final Counter lost;
    private final Map<String, Counter> failures = new ConcurrentHashMap<>();
    private final List<Meter> meters = new ArrayList<>();

    LockMeters(MeterRegistry registry, Tags tags, boolean histogram) {
        this.registry = registry;
        this.tags = tags;
        this.waitGranted = timer(RedlockMetrics.ACQUIRE_WAIT, "outcome", "granted", histogram);
        this.waitFailed = timer(RedlockMetrics.ACQUIRE_WAIT, "outcome", "failed", histogram);
        this.holdReleased = timer(RedlockMetrics.HOLD, "end", "released", histogram);
        this.holdLost = timer(RedlockMetrics.HOLD, "end", "lost", histogram);
        this.grants = counter(RedlockMetrics.GRANTS, "Locks granted");
        this.extensions = counter(RedlockMetrics.EXTENSIONS, "Leases extended by a quorum");
        this.extensionFailures = counter(RedlockMetrics.EXTENSION_FAILURES,
                "Extensions that missed the quorum (the watchdog tries again while validity is left)");
        this.lost = counter(RedlockMetrics.LOST, "Held locks lost before their release");
        for (LockAcquisitionException.Reason r : LockAcquisitionException.Reason.values()) {
            failure(r.name()); // every reason from the start, so that a dashboard's rate is 0, not absent
        }
    }

    private Timer timer(String name, String key, String value, boolean histogram) {
        Timer t = Timer.builder(name).tags(tags).tag(key, value).publishPercentileHistogram(histogram)
                .register(registry);
        synchronized (meters) {
            meters.add(t);
        }
        return t;
    }

    private Counter counter(String name, String description) {
        Counter c = Counter.builder(name).description(description).tags(tags).register(registry);
        synchronized (meters) {
            meters.add(c);
        }
        return c;
    }

    private Counter failure(String reason) {
        return failures.computeIfAbsent(reason, r -> {
            Counter c = Counter.builder(RedlockMetrics.FAILURES).description("Acquisitions that ended without a lock")
                    .tags(tags).tag("reason", r.toLowerCase(Locale.ROOT)).register(registry);
            synchronized (meters) {
                meters.add(c);
            }
            return c;
        });
    }

    void acquired(Duration wait) {
        grants.increment();
        waitGranted.record(wait);
    }

    void acquisitionFailed(Duration wait, String reason) {
        failure(reason).increment();
        waitFailed.record(wait);
    }

    void extended() {
        extensions.increment();
    }

    void extensionFailed() {
        extensionFailures.increment();
    }

    void released(Duration hold) {
        holdReleased.record(hold);
    }

    void lost(Duration hold) {
        lost.increment();
        holdLost.record(hold);
    }

    /** Removes every meter from the registry. */
    void remove() {
        synchronized (meters) {
            meters.forEach(registry::remove);
            meters.clear();
        }
    }
}
