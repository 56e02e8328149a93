package dev.redlock.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import dev.redlock.api.LockedRunnable;

/**
 * VonaJS's datasource-level scenario, shared by the H2 test and the PostgreSQL IT: pool maximum 1, a transaction
 * holds the only level-0 connection and calls a locked function that updates a row in its own transaction (its work
 * must be committed before the lock is released, so it cannot join the caller's).
 */
final class DatasourceScenario {

    /** Short, so the deadlock shows quickly; it is the pool's timeout, nothing here measures time. */
    static final Duration TIMEOUT = Duration.ofMillis(500);

    private final DatasourceTestDb db;
    private final Lock lock = new ReentrantLock();

    DatasourceScenario(DatasourceTestDb db) {
        this.db = db;
    }

    /** {@code lock}: the function stays at level 0 and waits for the connection its caller holds. */
    void likeLock_failsWithThePoolTimeout() throws SQLException {
        try (DatasourceLevels levels = DatasourceLevels.of(db.settings("default", 1, TIMEOUT))) {
            DataSource ds = levels.dataSource();
            assertThatThrownBy(() -> levels.transaction(() -> {
                db.read(ds, 1); // the caller's transaction holds the only level-0 connection
                DatasourceTestDb.locked(lock,
                        () -> levels.switchDb(levels.current(), () -> levels.transaction(() -> db.write(ds, 1, 42))));
            })).isInstanceOf(SQLTransientConnectionException.class).hasMessageContaining("redlock-default-L0");
            assertThat(db.committed(1)).isZero();
        }
    }

    /** {@code lockIsolate}: the function runs at level 1, commits, and the caller commits after it. */
    void isolate_completesAndTheUpdateIsVisible() throws SQLException {
        try (DatasourceLevels levels = DatasourceLevels.of(db.settings("default", 1, TIMEOUT))) {
            DataSource ds = levels.dataSource();
            int seenByCaller = levels.transaction(() -> {
                db.read(ds, 1);
                DatasourceTestDb.locked(lock,
                        () -> levels.switchDbIsolate(null, () -> levels.transaction(() -> db.write(ds, 1, 42))));
                db.write(ds, 2, 7); // the caller goes on with its own connection
                return db.read(ds, 1);
            });
            assertThat(seenByCaller).isEqualTo(42); // committed by the function before the lock was released
            assertThat(db.committed(1)).isEqualTo(42);
            assertThat(db.committed(2)).isEqualTo(7);
        }
    }

    /**
     * The classic two-party form: B holds the lock and its function needs a connection; A holds the only level-0
     * connection (in a transaction) and waits for the lock. Like {@code lock}, B's function times out on the pool (and
     * then A's, for the same reason); like {@code lockIsolate}, both complete.
     */
    void twoCallers(boolean isolate) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try (DatasourceLevels levels = DatasourceLevels.of(db.settings("default", 1, TIMEOUT))) {
            DataSource ds = levels.dataSource();
            LockedRunnable<Exception> work = () -> {
                LockedRunnable<SQLException> fn = () -> levels.transaction(() -> db.increment(ds, 1));
                if (isolate) {
                    levels.switchDbIsolate(null, fn);
                } else {
                    levels.switchDb(levels.current(), fn);
                }
            };
            CountDownLatch bHasLock = new CountDownLatch(1);
            CountDownLatch aHasConnection = new CountDownLatch(1);
            Future<?> b = executor.submit(() -> {
                DatasourceTestDb.locked(lock, () -> {
                    bHasLock.countDown();
                    assertThat(aHasConnection.await(30, TimeUnit.SECONDS)).isTrue();
                    work.run();
                });
                return null;
            });
            Future<?> a = executor.submit(() -> {
                assertThat(bHasLock.await(30, TimeUnit.SECONDS)).isTrue();
                levels.transaction(() -> {
                    db.read(ds, 2);
                    aHasConnection.countDown();
                    DatasourceTestDb.locked(lock, work);
                });
                return null;
            });
            if (isolate) {
                b.get(30, TimeUnit.SECONDS);
                a.get(30, TimeUnit.SECONDS);
                assertThat(db.committed(1)).isEqualTo(2);
            } else {
                for (Future<?> f : java.util.List.of(b, a)) {
                    assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                            .hasCauseInstanceOf(SQLTransientConnectionException.class);
                }
                assertThat(db.committed(1)).isZero();
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
