package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.redlock.api.IsolateOptions;
import dev.redlock.cdi.DatasourceLevels;
import dev.redlock.test.app.Res;
import dev.redlock.test.app.student.MetaRedlock;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/**
 * lockIsolate through a meta bean, against real Redis and an H2 database whose pool holds ONE connection per level:
 * the deadlock that lock runs into, and that lockIsolate avoids by running the function at the next level.
 */
@WithRedisNodes(count = 3)
final class LockIsolateIT {

    private String url;

    @BeforeEach
    void createTable() throws SQLException {
        url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE score (id INT PRIMARY KEY, n INT NOT NULL)");
            s.execute("INSERT INTO score VALUES (1, 0), (2, 0)");
        }
    }

    private WeldContainer boot(RedisNodes nodes) {
        Map<String, String> props = Containers.config(String.join(",", nodes.uris()),
                "redlock.datasources.default.url", url,
                "redlock.datasources.default.user", "sa",
                "redlock.datasources.default.pool-size", "1",
                "redlock.datasources.default.connection-timeout", "500ms");
        return Containers.boot(props, MetaRedlock.class);
    }

    /**
     * A caller inside a transaction holds the only level-0 connection and waits for the lock; the lock's holder needs
     * a connection to do its update. With {@code lock} the holder runs at level 0 and times out on the pool; with
     * {@code lockIsolate} it runs at level 1, commits, and the caller gets the lock after it.
     */
    @Test
    void connectionHolderWaitingForTheLock_deadlocksWithLock_butNotWithLockIsolate(RedisNodes nodes)
            throws Exception {
        try (WeldContainer c = boot(nodes)) {
            MetaRedlock redlock = c.select(MetaRedlock.class).get();
            DatasourceLevels levels = c.select(DatasourceLevels.class).get();

            Body waitForTheLock = () -> redlock.lock(Res.NAME, () -> null);
            Future<Object> withLock = holderAndWaiter(levels, holder -> redlock.lock(Res.NAME, holder::run),
                    waitForTheLock);
            assertThatThrownBy(withLock::get).hasRootCauseInstanceOf(SQLTransientConnectionException.class)
                    .rootCause().hasMessageContaining("Connection is not available");

            Future<Object> isolated = holderAndWaiter(levels, holder -> redlock.lockIsolate(Res.NAME, holder::run),
                    waitForTheLock);
            isolated.get(60, TimeUnit.SECONDS);
            assertThat(read(2)).as("the isolated update is committed").isEqualTo(1);
            assertThat(read(1)).as("the caller's update is committed").isEqualTo(2);
        }
    }

    /**
     * Runs the lock holder on another thread and, here, a caller that holds the only connection in a transaction
     * while it waits for the same lock; returns how the holder ended.
     */
    private Future<Object> holderAndWaiter(DatasourceLevels levels, HolderCall call, Body waitForTheLock)
            throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch connectionHeld = new CountDownLatch(1);
        CompletableFuture<Object> holderDone = new CompletableFuture<>();
        Thread holder = new Thread(() -> {
            try {
                call.lock(() -> {
                    locked.countDown();
                    if (!connectionHeld.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the caller never took the connection");
                    }
                    levels.transaction(() -> increment(levels, 2));
                });
                holderDone.complete(null);
            } catch (Throwable t) {
                holderDone.completeExceptionally(t);
            }
        }, "lock-holder");
        holder.start();
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        levels.transaction(() -> {
            increment(levels, 1); // takes the only level-0 connection for this transaction
            connectionHeld.countDown();
            waitForTheLock.run(); // granted once the holder has ended, one way or the other
        });
        holder.join(TimeUnit.SECONDS.toMillis(60));
        return holderDone;
    }

    @FunctionalInterface
    private interface HolderCall {
        void lock(Body body) throws Exception;
    }

    @FunctionalInterface
    private interface Body {
        void run() throws Exception;
    }

    @Test
    void eightThreads_hundredIsolatedIncrementsEach_endExact(RedisNodes nodes) throws Exception {
        try (WeldContainer c = boot(nodes)) {
            MetaRedlock redlock = c.select(MetaRedlock.class).get();
            DatasourceLevels levels = c.select(DatasourceLevels.class).get();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < 100; i++) {
                            redlock.lockIsolate(Res.user("7"), IsolateOptions.defaults(), session -> {
                                levels.transaction(() -> readThenWrite(levels, 1));
                                return null;
                            });
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get(5, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(read(1)).isEqualTo(800);
        }
    }

    @Test
    void unknownDatasource_failsBeforeLocking(RedisNodes nodes) {
        try (WeldContainer c = boot(nodes)) {
            MetaRedlock redlock = c.select(MetaRedlock.class).get();
            assertThatThrownBy(() -> redlock.lockIsolate(Res.NAME, IsolateOptions.defaults().withDatasource("nope"),
                    session -> "never")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RL2501")
                    .hasMessageContaining("nope");
            for (var node : nodes.nodes()) {
                assertThat(node.keys("*demo-student.name")).isEmpty();
            }
        }
    }

    private static void increment(DatasourceLevels levels, int id) throws SQLException {
        try (Connection c = levels.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE score SET n = n + 1 WHERE id = ?")) {
            ps.setInt(1, id);
            ps.executeUpdate();
        }
    }

    /** Not atomic on purpose: only the lock keeps two of these apart. */
    private static void readThenWrite(DatasourceLevels levels, int id) throws SQLException {
        try (Connection c = levels.dataSource().getConnection()) {
            int n;
            try (PreparedStatement ps = c.prepareStatement("SELECT n FROM score WHERE id = ?")) {
                ps.setInt(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    n = rs.getInt(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE score SET n = ? WHERE id = ?")) {
                ps.setInt(1, n + 1);
                ps.setInt(2, id);
                ps.executeUpdate();
            }
        }
    }

    private int read(int id) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                PreparedStatement ps = c.prepareStatement("SELECT n FROM score WHERE id = ?")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
