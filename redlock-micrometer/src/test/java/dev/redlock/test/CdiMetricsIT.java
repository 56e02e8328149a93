package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;

import dev.redlock.api.LockAcquisitionException;
import dev.redlock.api.LockLostException;
import dev.redlock.api.LockOptions;
import dev.redlock.api.LockedRunnable;
import dev.redlock.cdi.RedlockExtension;
import dev.redlock.micrometer.MetricsExtension;
import dev.redlock.micrometer.RedlockMetrics;
import dev.redlock.test.app.Registry;
import dev.redlock.test.app.Res;
import dev.redlock.test.app.student.MetaRedlock;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.SystemProperties;
import dev.redlock.testkit.WithRedisNodes;

/**
 * The CDI binding in a Weld SE application with a {@code MeterRegistry} bean, against three real nodes: 100 grants,
 * 3 contended waits, a failure and one forced loss, and every meter counts them, per meta and per node, with no key
 * or resource argument in any tag.
 */
@WithRedisNodes(count = 3, lifecycle = WithRedisNodes.Lifecycle.PER_METHOD)
final class CdiMetricsIT {

    @Test
    void grantsWaitsAFailureAndALoss_areCountedPerMetaAndPerNode(RedisNodes nodes) throws Exception {
        Map<String, String> props = new HashMap<>();
        props.put("redlock.nodes", String.join(",", nodes.uris()));
        props.put("redlock.app-name", "metrics");
        props.put("redlock.command-timeout", "1s");
        props.put("redlock.retry-delay", "20ms");
        props.put("redlock.retry-jitter", "5ms");
        // threads of their own for the blocking callers: the common pool may have a single thread on two cores
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (WeldContainer c = boot(props)) {
            MeterRegistry registry = c.select(MeterRegistry.class).get();
            MetaRedlock redlock = c.select(MetaRedlock.class).get();
            Meters meta = new Meters(registry, "client", "default", "module", "demo-student", "meta",
                    "demo-student:redlock");
            Meters engine = new Meters(registry, "client", "default");
            assertThat(engine.gauge(RedlockMetrics.LOCKS_HELD)).as("bound at start-up").isZero();

            for (int i = 0; i < 100; i++) {
                redlock.lock(Res.user(Integer.toString(i)), () -> null);
            }
            RedlockMetricsIT.awaitCount(meta, RedlockMetrics.GRANTS, 100);

            // one holder, a caller that does not wait (a failure, reason held), three that do
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> lock(redlock, () -> {
                held.countDown();
                release.await(60, TimeUnit.SECONDS);
            }), callers);
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> redlock.lock(Res.NAME, LockOptions.builder().waitTime(Duration.ZERO).build(),
                    session -> null)).isInstanceOfSatisfying(LockAcquisitionException.class,
                            e -> assertThat(e.reason()).isEqualTo(LockAcquisitionException.Reason.HELD));
            List<CompletableFuture<Void>> waiters = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                waiters.add(CompletableFuture.runAsync(() -> lock(redlock, () -> {
                }), callers));
            }
            RedlockMetricsIT.awaitGauge(engine, RedlockMetrics.WAITERS, 3);
            assertThat(engine.gauge(RedlockMetrics.LOCKS_HELD)).isEqualTo(1);
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
            for (CompletableFuture<Void> w : waiters) {
                w.get(30, TimeUnit.SECONDS);
            }
            RedlockMetricsIT.awaitCount(meta, RedlockMetrics.GRANTS, 104);

            // the forced loss: a majority of the nodes dies under a held lock
            assertThatThrownBy(() -> redlock.lock(Res.user("lost"),
                    LockOptions.builder().leaseTime(Duration.ofSeconds(1)).build(), session -> {
                        nodes.node(0).kill();
                        nodes.node(1).kill();
                        return session.lost().toCompletableFuture().get(30, TimeUnit.SECONDS);
                    })).isInstanceOf(LockLostException.class);
            RedlockMetricsIT.awaitCount(meta, RedlockMetrics.LOST, 1);

            RedlockMetricsIT.awaitCount(meta, RedlockMetrics.GRANTS, 105);
            assertThat(meta.timerCount(RedlockMetrics.ACQUIRE_WAIT, "outcome", "granted")).isEqualTo(105);
            assertThat(meta.timerCount(RedlockMetrics.ACQUIRE_WAIT, "outcome", "failed")).isEqualTo(1);
            assertThat(meta.count(RedlockMetrics.FAILURES, "reason", "held")).isEqualTo(1);
            assertThat(meta.count(RedlockMetrics.FAILURES, "reason", "unreachable")).isZero();
            assertThat(meta.count(RedlockMetrics.FAILURES, "reason", "validity_expired")).isZero();
            assertThat(meta.timerCount(RedlockMetrics.HOLD, "end", "released")).isEqualTo(104);
            assertThat(meta.timerCount(RedlockMetrics.HOLD, "end", "lost")).isEqualTo(1);
            assertThat(meta.count(RedlockMetrics.LOST)).isEqualTo(1);
            // the watchdog tried again while validity was left: how often depends on the timing, at least once
            assertThat(meta.count(RedlockMetrics.EXTENSION_FAILURES)).isPositive();
            assertThat(meta.count(RedlockMetrics.EXTENSIONS)).isZero(); // no lock lived long enough to need one
            assertThat(engine.gauge(RedlockMetrics.LOCKS_HELD)).isZero();
            assertThat(engine.gauge(RedlockMetrics.WAITERS)).isZero();
            // every node voted once in each of the 105 grants and in the failure; a quorum granted each grant (a
            // waiter may win while one node still has the holder's key), a quorum refused the failure (the third
            // node may still be pending when it is decided)
            for (String node : List.of(nodes.node(0), nodes.node(1), nodes.node(2)).stream()
                    .map(n -> n.host() + ":" + n.port()).toList()) {
                // the engine tells of a grant's votes once every node answered, which may come after the grant
                // counted above (the CDI event fires when the function starts): wait for the last ones
                RedlockMetricsIT.awaitCount(engine, RedlockMetrics.NODE_VOTES, 106, "node", node, "operation",
                        "acquire");
                // the loss's clean-up failed on the killed nodes but is not counted: a count here is a release the
                // node failed (timed out on a loaded machine), so the release's vote was not a confirmation
                assertThat(engine.count(RedlockMetrics.RELEASE_NODE_ERRORS, "node", node)).as(node)
                        .isLessThanOrEqualTo(engine.count(RedlockMetrics.NODE_VOTES, "node", node, "operation",
                                "release", "outcome", "pending")
                                + engine.count(RedlockMetrics.NODE_VOTES, "node", node, "operation", "release",
                                        "outcome", "error"));
            }
            assertThat(engine.count(RedlockMetrics.NODE_VOTES, "operation", "acquire", "outcome", "granted"))
                    .isBetween(2.0 * 105, 3.0 * 105);
            assertThat(engine.count(RedlockMetrics.NODE_VOTES, "operation", "acquire", "outcome", "held"))
                    .isGreaterThanOrEqualTo(2);
            // a release is confirmed by a quorum of answers; one of them may come from the node that never granted
            // the lock (a waiter granted by two nodes while the third still had the holder's key): "not held"
            assertThat(engine.count(RedlockMetrics.NODE_VOTES, "operation", "release", "outcome", "granted"))
                    .isGreaterThanOrEqualTo(104);
            assertThat(engine.count(RedlockMetrics.NODE_VOTES, "operation", "release", "outcome", "granted")
                    + engine.count(RedlockMetrics.NODE_VOTES, "operation", "release", "outcome", "held"))
                    .isGreaterThanOrEqualTo(2 * 104);
            RedlockMetricsIT.assertNoKeyInAnyTag(registry, "redlock_", "user-", "{userId}", "name");
        } finally {
            callers.shutdownNow();
        }
    }

    /** {@code lock(Res.NAME, body)} for a caller thread. */
    private static void lock(MetaRedlock redlock, LockedRunnable<InterruptedException> body) {
        try {
            redlock.lock(Res.NAME, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    private static WeldContainer boot(Map<String, String> props) {
        return SystemProperties.during(props, () -> new Weld(UUID.randomUUID().toString()).disableDiscovery()
                .addBuildCompatibleExtensions(RedlockExtension.class, MetricsExtension.class)
                .addBeanClasses(MetaRedlock.class, Registry.class).initialize());
    }
}
