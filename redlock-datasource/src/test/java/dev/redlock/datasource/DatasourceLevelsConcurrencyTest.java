package dev.redlock.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

/**
 * Isolated read-then-write increments under a lock, each called from inside a level-0 transaction, end exact: the
 * function commits at level 1 before the lock is released. A java lock stands in for the Redis lock until the CDI
 * wiring of {@code lockIsolate}.
 */
final class DatasourceLevelsConcurrencyTest {

    private static final int THREADS = 8;
    private static final int INCREMENTS = 100;

    @Test
    void eightThreadsTimesHundredIsolatedIncrements_endExact() throws Exception {
        DatasourceTestDb db = DatasourceTestDb.h2();
        Lock lock = new ReentrantLock();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        try (DatasourceLevels levels = DatasourceLevels.of(db.settings("default", THREADS, Duration.ofSeconds(30)))) {
            DataSource ds = levels.dataSource();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(executor.submit(() -> {
                    start.await();
                    for (int i = 0; i < INCREMENTS; i++) {
                        levels.transaction(() -> {
                            db.read(ds, 2); // each caller holds a level-0 connection meanwhile
                            DatasourceTestDb.locked(lock,
                                    () -> levels.switchDbIsolate(null, () -> levels.transaction(() -> db.increment(ds, 1))));
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
            assertThat(db.committed(1)).isEqualTo(THREADS * INCREMENTS);
        } finally {
            executor.shutdownNow();
        }
    }
}
