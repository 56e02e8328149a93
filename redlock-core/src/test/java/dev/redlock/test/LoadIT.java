package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import dev.redlock.core.Lock;
import dev.redlock.core.Redlock;
import dev.redlock.testkit.Await;
import dev.redlock.testkit.RedisNode;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/**
 * Many concurrent waiters on a few resources: every one is granted once, mutual exclusion holds per resource,
 * and afterwards the engine holds no lock and no subscription, and the servers have no channel and no lock key
 * left (only the engine's bookkeeping: the epoch marker, which is meant to stay, and the fence counters, which expire).
 */
@WithRedisNodes(count = 3)
final class LoadIT {

    private static final int RESOURCES = 100;
    private static final Duration LEASE_TIME = Duration.ofSeconds(5);
    private static final Duration WAIT = Duration.ofSeconds(50);

    @Test
    void manyWaiters_allGranted_nothingLeftBehind(RedisNodes nodes) throws Exception {
        boolean virtual = Runtime.version().feature() >= 21;
        // 2,000 by default, which CI runs on both JDKs; -Pfaults runs 10,000 (load.waiters), about 30 s on JDK 25
        int waiters = Integer.getInteger("load.waiters", 2_000);
        ExecutorService pool = virtual ? virtualThreadPerTask() : Executors.newFixedThreadPool(200);
        System.out.println("LoadIT: " + waiters + " waiters on " + RESOURCES + " resources, "
                + (virtual ? "virtual threads" : "200 platform threads"));
        AtomicIntegerArray inside = new AtomicIntegerArray(RESOURCES);
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger granted = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        // With the default 1 s command timeout, a burst of 10,000 callers on a busy 2-core machine has timed out
        // behind the burst (a release then fails with RL1020 and its keys expire): give each command time; the
        // load, not the timeout, is under test here.
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).commandTimeout(Duration.ofSeconds(10)).build()) {
            List<Future<?>> futures = new ArrayList<>(waiters);
            for (int i = 0; i < waiters; i++) {
                int resource = i % RESOURCES;
                futures.add(pool.submit(() -> {
                    go.await();
                    try (Lock lock = redlock.acquire(List.of("load:" + resource), LEASE_TIME, WAIT)) {
                        if (inside.incrementAndGet(resource) != 1) {
                            overlaps.incrementAndGet();
                        }
                        granted.incrementAndGet();
                        inside.decrementAndGet(resource);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS); // rethrows the first failure
            }
            assertThat(granted.get()).isEqualTo(waiters);
            assertThat(overlaps.get()).isZero();
            assertThat(redlock.heldLocks()).isZero();
            awaitTrue("the engine drops every subscription after its linger", () -> redlock.subscriptions() == 0);
            for (RedisNode n : nodes.nodes()) {
                awaitTrue("no channel left on " + n.uri(), () -> ((List<?>) n.execute("PUBSUB", "CHANNELS", "*"))
                        .isEmpty());
                List<?> numsub = (List<?>) n.execute("PUBSUB", "NUMSUB", "load:0", "{load:0}", "{load:0}:q");
                for (int i = 1; i < numsub.size(); i += 2) {
                    assertThat(numsub.get(i)).isEqualTo(0L);
                }
                awaitTrue("only bookkeeping keys left on " + n.uri(), () -> n.keys("*").stream()
                        .allMatch(k -> k.equals("redlock:epoch") || k.endsWith(":fence")));
                for (String k : n.keys("*:fence")) {
                    assertThat((Long) n.execute("PTTL", k)).as("expiry of %s", k).isPositive();
                }
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static ExecutorService virtualThreadPerTask() throws ReflectiveOperationException {
        // Executors.newVirtualThreadPerTaskExecutor exists from JDK 21 on; this code compiles on 17
        return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        Await.until(what, Duration.ofSeconds(30), condition);
    }
}
