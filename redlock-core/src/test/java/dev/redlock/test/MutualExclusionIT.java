package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.redlock.core.Lock;
import dev.redlock.core.Redlock;
import dev.redlock.testkit.RedisNodes;

/**
 * 8 threads (on two engines) take turns on one resource; the lock must be the only thing keeping them apart.
 *
 * <p>8 × 500 grants on 1, 3 and 5 nodes; {@code -Dredlock.mutex.grants=N} changes the count on 3 and 5 nodes.
 */
final class MutualExclusionIT {

    private static final int THREADS = 8;
    private static final int FULL = 500;
    private static final int GRANTS_ON_MANY_NODES = Integer.getInteger("redlock.mutex.grants", FULL);

    private int counter; // deliberately not atomic nor volatile: only the lock protects it
    private final AtomicBoolean inside = new AtomicBoolean();
    private final AtomicInteger violations = new AtomicInteger();

    @ParameterizedTest(name = "{0} node(s)")
    @ValueSource(ints = {1, 3, 5})
    void sharedCounter_endsExact_andNobodyIsEverInsideTwice(int nodeCount) throws Exception {
        try (RedisNodes nodes = RedisNodes.start(nodeCount);
                Redlock a = Redlock.builder().nodes(nodes.uris()).build();
                Redlock b = Redlock.builder().nodes(nodes.uris()).build()) {
            int grants = nodeCount == 1 ? FULL : GRANTS_ON_MANY_NODES;
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    Redlock engine = t % 2 == 0 ? a : b;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < grants; i++) {
                            try (Lock lock = engine.acquire(List.of("mutex"), Duration.ofSeconds(10))) {
                                if (!inside.compareAndSet(false, true)) {
                                    violations.incrementAndGet();
                                }
                                counter = counter + 1;
                                inside.set(false);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(violations).hasValue(0);
            assertThat(counter).isEqualTo(THREADS * grants);
            assertThat(a.heldLocks()).isZero();
            WakeUpIT.awaitTrue(() -> a.subscriptions() == 0 && b.subscriptions() == 0);
        } finally {
            counter = 0;
        }
    }
}
