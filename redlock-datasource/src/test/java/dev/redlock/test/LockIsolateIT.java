package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.redlock.api.IsolateOptions;
import dev.redlock.datasource.DatasourceLevels;
import dev.redlock.test.app.AppDataSources;
import dev.redlock.test.app.Res;
import dev.redlock.test.app.student.MetaRedlock;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/**
 * lockIsolate through a meta bean, against real Redis and a database whose pool holds ONE connection per level: the
 * deadlock that lock runs into, and that lockIsolate avoids by running the function at the next level. The levels
 * come from each of the three sources (pools the library makes, the application's CDI DataSource beans, JNDI names),
 * over H2 and over the PostgreSQL at localhost:5432 (skipped when none answers).
 */
@WithRedisNodes(count = 3)
final class LockIsolateIT {

    /** Where the levels' connections come from. */
    enum Levels {
        LIBRARY, BEANS, JNDI
    }

    private TestDatabase db;

    @AfterEach
    void dropTable() throws SQLException {
        TestJndi.unbind("java:comp/env/jdbc/app-l0");
        TestJndi.unbind("java:comp/env/jdbc/app-l1");
        if (db != null) {
            db.close();
        }
    }

    private WeldContainer boot(RedisNodes nodes, Levels levels, TestDatabase.Kind kind) throws SQLException {
        db = TestDatabase.create(kind);
        String nodeUris = String.join(",", nodes.uris());
        return switch (levels) {
            case LIBRARY -> Containers.boot(Containers.config(nodeUris, "redlock.datasources.default.url", db.url,
                    "redlock.datasources.default.user", db.user, "redlock.datasources.default.pool-size", "1",
                    "redlock.datasources.default.connection-timeout", "500ms"), MetaRedlock.class);
            case BEANS -> {
                AppDataSources.level0 = db.pool(null, null);
                AppDataSources.level1 = db.pool(null, null);
                yield Containers.boot(Containers.config(nodeUris, "redlock.datasources.default.levels.0.bean",
                        "app-l0", "redlock.datasources.default.levels.1.bean", "app-l1"), MetaRedlock.class,
                        AppDataSources.class);
            }
            case JNDI -> {
                TestJndi.bind("java:comp/env/jdbc/app-l0", db.pool(null, null));
                TestJndi.bind("java:comp/env/jdbc/app-l1", db.pool(null, null));
                yield Containers.boot(Containers.config(nodeUris, "redlock.datasources.default.levels.0.jndi",
                        "java:comp/env/jdbc/app-l0", "redlock.datasources.default.levels.1.jndi",
                        "java:comp/env/jdbc/app-l1"), MetaRedlock.class);
            }
        };
    }

    static Stream<Arguments> everySource() {
        return Stream.of(Levels.values()).flatMap(l -> Stream.of(TestDatabase.Kind.values()).map(k -> arguments(l, k)));
    }

    /**
     * A caller inside a transaction holds the only level-0 connection and waits for the lock; the lock's holder needs
     * a connection to do its update. With {@code lock} the holder runs at level 0 and times out on the pool; with
     * {@code lockIsolate} it runs at level 1, commits, and the caller gets the lock after it.
     */
    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("everySource")
    void connectionHolderWaitingForTheLock_deadlocksWithLock_butNotWithLockIsolate(Levels source,
            TestDatabase.Kind kind, RedisNodes nodes) throws Exception {
        try (WeldContainer c = boot(nodes, source, kind)) {
            MetaRedlock redlock = c.select(MetaRedlock.class).get();
            DatasourceLevels levels = c.select(DatasourceLevels.class).get();

            HolderAndCaller.Caller caller = connectionHeld -> levels.transaction(() -> {
                db.increment(levels.dataSource(), 1); // takes the only level-0 connection for this transaction
                connectionHeld.run();
                redlock.lock(Res.NAME, () -> null); // granted once the holder has ended, one way or the other
            });
            HolderAndCaller.Body holderWork = () -> levels.transaction(() -> db.increment(levels.dataSource(), 2));
            Future<Object> withLock = HolderAndCaller.run(body -> redlock.lock(Res.NAME, body::run), holderWork,
                    caller);
            assertThatThrownBy(withLock::get).hasRootCauseInstanceOf(source == Levels.LIBRARY
                    ? SQLTransientConnectionException.class
                    : SQLException.class); // Agroal: "Sorry, acquisition timeout!"
            assertThat(db.committed(2)).as("the holder's update under lock failed").isZero();

            Future<Object> isolated = HolderAndCaller.run(body -> redlock.lockIsolate(Res.NAME, body::run),
                    holderWork, caller);
            isolated.get(60, TimeUnit.SECONDS);
            assertThat(db.committed(2)).as("the isolated update is committed").isEqualTo(1);
            assertThat(db.committed(1)).as("the caller's update is committed").isEqualTo(2);
        }
    }

    @Test
    void eightThreads_hundredIsolatedIncrementsEach_endExact(RedisNodes nodes) throws Exception {
        try (WeldContainer c = boot(nodes, Levels.LIBRARY, TestDatabase.Kind.H2)) {
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
            assertThat(db.committed(1)).isEqualTo(800);
        }
    }

    @Test
    void unknownDatasource_failsBeforeLocking(RedisNodes nodes) throws SQLException {
        try (WeldContainer c = boot(nodes, Levels.LIBRARY, TestDatabase.Kind.H2)) {
            MetaRedlock redlock = c.select(MetaRedlock.class).get();
            assertThatThrownBy(() -> redlock.lockIsolate(Res.NAME, IsolateOptions.defaults().withDatasource("nope"),
                    session -> "never")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RL2501")
                    .hasMessageContaining("nope");
            for (var node : nodes.nodes()) {
                assertThat(node.keys("*demo-student.name")).isEmpty();
            }
        }
    }

    /** Not atomic on purpose: only the lock keeps two of these apart. */
    private void readThenWrite(DatasourceLevels levels, int id) throws SQLException {
        try (Connection c = levels.dataSource().getConnection()) {
            int n;
            try (PreparedStatement ps = c.prepareStatement("SELECT n FROM " + db.table + " WHERE id = ?")) {
                ps.setInt(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    n = rs.getInt(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + db.table + " SET n = ? WHERE id = ?")) {
                ps.setInt(1, n + 1);
                ps.setInt(2, id);
                ps.executeUpdate();
            }
        }
    }
}
