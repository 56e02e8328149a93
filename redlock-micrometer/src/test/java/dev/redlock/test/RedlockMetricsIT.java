package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.redlock.core.Lock;
import dev.redlock.core.Redlock;
import dev.redlock.micrometer.RedlockMetrics;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/** The standalone binding, without CDI: every meter counts what the engine did, and goes away on close. */
@WithRedisNodes(count = 3, lifecycle = WithRedisNodes.Lifecycle.PER_METHOD)
final class RedlockMetricsIT {

    static final List<String> TAG_KEYS = List.of("client", "node", "operation", "outcome", "end", "reason", "module",
            "meta");

    @Test
    void grantsWaitsFailuresExtensionsAndAFailedNodeRelease_areCounted_thenCloseRemovesEveryMeter(RedisNodes nodes)
            throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).commandTimeout(Duration.ofMillis(500))
                .retryDelay(Duration.ofMillis(20)).retryJitter(Duration.ofMillis(5)).build();
                Redlock other = Redlock.builder().nodes(nodes.uris()).build()) {
            RedlockMetrics metrics = RedlockMetrics.bind(redlock, registry, "orders");
            Meters m = new Meters(registry, "client", "orders");
            for (int i = 0; i < 100; i++) {
                redlock.acquire(List.of("metrics:user-" + i), Duration.ofSeconds(10)).release();
            }
            // the engine fires ACQUIRED once every node answered, which may be after the lock was released
            awaitCount(m, RedlockMetrics.GRANTS, 100);
            assertThat(m.timerCount(RedlockMetrics.ACQUIRE_WAIT, "outcome", "granted")).isEqualTo(100);
            assertThat(m.timerCount(RedlockMetrics.HOLD, "end", "released")).isEqualTo(100);
            assertThat(m.count(RedlockMetrics.NODE_VOTES, "operation", "acquire", "outcome", "granted")
                    + m.count(RedlockMetrics.NODE_VOTES, "operation", "acquire", "outcome", "pending"))
                    .isEqualTo(300);

            // held elsewhere: one failure (reason held), then three waiters, granted in turn after the release
            Lock held = other.acquire(List.of("metrics:contended"), Duration.ofSeconds(30));
            assertThat(redlock.tryAcquire(List.of("metrics:contended"), Duration.ofSeconds(10), Duration.ZERO))
                    .isEmpty();
            List<CompletableFuture<Long>> waits = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                // granted in any order: each extends and releases its lock as soon as it has it (off the engine's
                // I/O thread, where the grant completes: blocking calls there fail with RL1032)
                waits.add(redlock.acquireAsync(List.of("metrics:contended"), Duration.ofSeconds(10),
                        Duration.ofSeconds(30)).toCompletableFuture().thenApplyAsync(l -> {
                            l.extend(Duration.ofSeconds(10));
                            l.release();
                            return l.fencingToken();
                        }));
            }
            awaitGauge(m, RedlockMetrics.WAITERS, 3);
            assertThat(m.gauge(RedlockMetrics.LOCKS_HELD)).isZero(); // held by the other engine
            held.release();
            for (CompletableFuture<Long> w : waits) {
                assertThat(w.get(30, TimeUnit.SECONDS)).isPositive();
            }
            assertThat(m.gauge(RedlockMetrics.WAITERS)).isZero();
            assertThat(m.gauge(RedlockMetrics.LOCKS_HELD)).isZero();
            awaitCount(m, RedlockMetrics.GRANTS, 103);
            assertThat(m.count(RedlockMetrics.FAILURES, "reason", "held")).isEqualTo(1);
            assertThat(m.count(RedlockMetrics.FAILURES, "reason", "unreachable")).isZero();
            assertThat(m.timerCount(RedlockMetrics.ACQUIRE_WAIT, "outcome", "failed")).isEqualTo(1);
            assertThat(m.count(RedlockMetrics.EXTENSIONS)).isEqualTo(3);
            assertThat(m.count(RedlockMetrics.EXTENSION_FAILURES)).isZero();
            assertThat(m.count(RedlockMetrics.LOST)).isZero();

            // a release that reaches the quorum but not the third node: one release node error, named
            Lock last = redlock.acquire(List.of("metrics:last"), Duration.ofSeconds(10));
            nodes.node(2).kill();
            last.release();
            String third = redlock.nodes().get(2);
            awaitCount(m, RedlockMetrics.RELEASE_NODE_ERRORS, 1, "node", third);
            assertThat(m.count(RedlockMetrics.RELEASE_NODE_ERRORS, "node", redlock.nodes().get(0))).isZero();
            // confirmed by a quorum of answers, of which the node that never granted a waiter may be one
            assertThat(m.count(RedlockMetrics.NODE_VOTES, "operation", "release", "outcome", "granted"))
                    .isGreaterThanOrEqualTo(104);
            assertThat(m.count(RedlockMetrics.NODE_VOTES, "operation", "release", "outcome", "granted")
                    + m.count(RedlockMetrics.NODE_VOTES, "operation", "release", "outcome", "held"))
                    .isGreaterThanOrEqualTo(2 * 104);
            assertNoKeyInAnyTag(registry, "metrics:", "user-", "contended");

            metrics.close();
            assertThat(registry.getMeters()).isEmpty();
            redlock.acquire(List.of("metrics:after-close"), Duration.ofSeconds(10)).release();
            assertThat(registry.getMeters()).isEmpty();
        }
    }

    @Test
    void aGrantsLateNodeError_afterAQuickRelease_isNotCountedAsAFailedRelease(RedisNodes nodes) throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).commandTimeout(Duration.ofMillis(300)).build()) {
            RedlockMetrics.bind(redlock, registry, "orders");
            Meters m = new Meters(registry, "client", "orders");
            String third = redlock.nodes().get(2);
            java.util.concurrent.atomic.AtomicInteger thirdErrors = new java.util.concurrent.atomic.AtomicInteger();
            redlock.addListener(e -> {
                if (e.type() == dev.redlock.core.LockEvent.Type.NODE_ERROR && e.votes().get(0).node().equals(third)) {
                    thirdErrors.incrementAndGet();
                }
            });
            redlock.acquire(List.of("metrics:warm"), Duration.ofSeconds(10)).release(); // every node connected
            nodes.node(2).pause();
            try {
                // granted and released by the first two nodes while the third has not answered the grant; its
                // grant times out after the release (the late ACQUIRED and its node error), then the release
                // sent to it after that times out too: one failed release, not two
                redlock.acquire(List.of("metrics:late"), Duration.ofSeconds(10)).release();
                dev.redlock.testkit.Await.until("the grant's and the release's node errors of the paused node",
                        () -> thirdErrors.get() == 2);
                assertThat(m.count(RedlockMetrics.NODE_VOTES, "node", third, "operation", "acquire", "outcome",
                        "error")).isEqualTo(1);
                assertThat(m.count(RedlockMetrics.RELEASE_NODE_ERRORS, "node", third)).isEqualTo(1);
            } finally {
                nodes.node(2).resume();
            }
        }
    }

    @Test
    void blankClient_failsFastNamingTheFix(RedisNodes nodes) {
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).build()) {
            assertThatThrownBy(() -> RedlockMetrics.bind(redlock, new SimpleMeterRegistry(), " "))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("RL2601")
                    .hasMessageContaining("\"default\"");
        }
    }

    /** Every tag is one of the documented keys, and no value holds a key or a resource argument. */
    static void assertNoKeyInAnyTag(MeterRegistry registry, String... fragments) {
        assertThat(registry.getMeters()).isNotEmpty();
        for (Meter meter : registry.getMeters()) {
            for (Tag t : meter.getId().getTags()) {
                assertThat(TAG_KEYS).as("tag of %s", meter.getId()).contains(t.getKey());
                for (String f : fragments) {
                    assertThat(t.getValue()).as("tag of %s", meter.getId()).doesNotContain(f);
                }
            }
        }
    }

    /** Polls a gauge the engine changes on its own threads; bounded, fails with the last value. */
    static void awaitGauge(Meters m, String name, double expected) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (m.gauge(name) != expected && System.nanoTime() < end) {
            Thread.sleep(10); // polling a value no future reports, not ordering threads
        }
        assertThat(m.gauge(name)).as(name).isEqualTo(expected);
    }

    /** Polls a counter the engine increments after the call returned (a straggler's answer); bounded. */
    static void awaitCount(Meters m, String name, double expected, String... tags) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (m.count(name, tags) < expected && System.nanoTime() < end) {
            Thread.sleep(10); // polling a value no future reports, not ordering threads
        }
        assertThat(m.count(name, tags)).as(name).isEqualTo(expected);
    }
}
