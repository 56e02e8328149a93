package dev.redlock.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import org.junit.jupiter.api.Test;

/** The workload bookkeeping over an in-JVM lock, without Redis; no figure is asserted, only the accounting. */
final class WorkloadsTest {

    private static final Duration TTL = Duration.ofSeconds(30);

    /** One fair semaphore per resource, shared by every client: a correct lock. */
    private static final class JvmLock implements LockClient<Semaphore> {
        private final ConcurrentHashMap<String, Semaphore> locks;
        final Set<String> seen = ConcurrentHashMap.newKeySet();

        JvmLock(ConcurrentHashMap<String, Semaphore> locks) {
            this.locks = locks;
        }

        @Override
        public Semaphore acquire(String resource, Duration ttl) throws InterruptedException {
            seen.add(resource);
            Semaphore s = locks.computeIfAbsent(resource, r -> new Semaphore(1, true));
            s.acquire();
            return s;
        }

        @Override
        public void release(Semaphore handle) {
            handle.release();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void serial_takesDistinctResourcesAndReportsThePair() throws Exception {
        JvmLock lock = new JvmLock(new ConcurrentHashMap<>());
        Sample s = Workloads.serial(lock, "p:", 10, 100, TTL);
        assertThat(lock.seen).hasSize(110);
        assertThat(s.get(Metric.OPS_PER_S)).isPositive();
        assertThat(s.get(Metric.P99_US)).isGreaterThanOrEqualTo(s.get(Metric.P50_US));
        assertThat(s.threads().isEmpty()).isEqualTo(!Proc.available());
        assertThat(s.get(Metric.SERVER_CPU_US_PER_OP)).isNaN(); // no server watched
    }

    @Test
    void parallel_stopsAtTheOperationBudget() throws Exception {
        JvmLock lock = new JvmLock(new ConcurrentHashMap<>());
        Sample s = Workloads.parallel(lock, "p:", 4, 20, 200, Duration.ofMinutes(1), TTL);
        assertThat(lock.seen).hasSize(220);
        assertThat(s.get(Metric.OPS_PER_S)).isPositive();
        assertThat(s.threads().isEmpty()).isEqualTo(!Proc.available());
    }

    @Test
    void contended_correctLock_countsGrantsAndFindsNoViolation() throws Exception {
        ConcurrentHashMap<String, Semaphore> shared = new ConcurrentHashMap<>();
        Sample s = Workloads.contended(() -> new JvmLock(shared), "one", 4, 400, Duration.ofMinutes(1), TTL);
        assertThat(s.get(Metric.GRANTS)).isEqualTo(400.0);
        assertThat(s.waitNanos()).hasSize(400);
        assertThat(s.get(Metric.VIOLATIONS)).isZero();
        assertThat(s.get(Metric.FAIRNESS)).isBetween(0.0, 1.0);
        assertThat(shared).containsOnlyKeys("one");
        assertThat(shared.get("one").availablePermits()).isEqualTo(1);
    }
}
