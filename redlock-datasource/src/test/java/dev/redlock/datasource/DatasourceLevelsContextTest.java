package dev.redlock.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The call context: levels and transactions restored exactly, isolation both ways, joins, threads. */
final class DatasourceLevelsContextTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private DatasourceTestDb db;
    private DatasourceLevels levels;
    private DataSource ds;

    @BeforeEach
    void setUp() throws SQLException {
        db = DatasourceTestDb.h2();
        levels = DatasourceLevels.of(db.settings("default", 1, TIMEOUT));
        ds = levels.dataSource();
    }

    @AfterEach
    void tearDown() {
        levels.close();
    }

    @Test
    void level_isRestoredAfterReturnAndAfterThrow() {
        assertThat(levels.current()).isZero();
        int inner = levels.switchDbIsolate(() -> levels.switchDbIsolate(levels::current));
        assertThat(inner).isEqualTo(2);
        assertThat(levels.switchDb(5, levels::current)).isEqualTo(5);
        assertThatThrownBy(() -> levels.switchDbIsolate(() -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(levels.current()).isZero();
    }

    @Test
    void callerTransaction_isRestoredAfterTheIsolatedFunctionThrows() throws SQLException {
        levels.transaction(() -> {
            db.write(ds, 1, 5); // uncommitted, on the bound connection
            assertThatThrownBy(() -> levels.switchDbIsolate(() -> {
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            try (Connection c = ds.getConnection()) {
                assertThat(c.getAutoCommit()).isFalse(); // still the transaction's connection
                assertThat(db.read(c, 1)).isEqualTo(5);
            }
            assertThat(db.committed(1)).isZero();
        });
        assertThat(db.committed(1)).isEqualTo(5);
    }

    @Test
    void rollbackInsideTheIsolatedFunction_keepsTheCallersTransaction() throws SQLException {
        levels.transaction(() -> {
            db.write(ds, 1, 1);
            assertThatThrownBy(() -> levels.switchDbIsolate(() -> levels.transaction(() -> {
                db.write(ds, 2, 2);
                throw new SQLException("isolated failure");
            }))).hasMessage("isolated failure");
        });
        assertThat(db.committed(1)).isEqualTo(1);
        assertThat(db.committed(2)).isZero();
    }

    @Test
    void rollbackOfTheCaller_keepsWhatTheIsolatedFunctionCommitted() throws SQLException {
        assertThatThrownBy(() -> levels.transaction(() -> {
            db.write(ds, 1, 1);
            levels.switchDbIsolate(() -> levels.transaction(() -> db.write(ds, 2, 2)));
            throw new IllegalStateException("caller failure");
        })).hasMessage("caller failure");
        assertThat(db.read(ds, 1)).isZero();
        assertThat(db.read(ds, 2)).isEqualTo(2);
    }

    @Test
    void isolatedFunction_doesNotSeeTheCallersUncommittedWork() throws SQLException {
        int seen = levels.transaction(() -> {
            db.write(ds, 1, 9);
            return levels.switchDbIsolate(() -> db.read(ds, 1));
        });
        assertThat(seen).isZero();
        assertThat(db.committed(1)).isEqualTo(9);
    }

    @Test
    void nestedTransactionAtTheSameLevel_joinsTheOuterOne() throws SQLException {
        // a pool of one: a second transaction at level 0 would time out, a joined one uses the same connection
        levels.transaction(() -> levels.transaction(() -> db.write(ds, 1, 3)));
        assertThat(db.committed(1)).isEqualTo(3);
    }

    @Test
    void closingTheTransactionsConnection_onlyClosesTheHandle() throws SQLException {
        levels.transaction(() -> {
            Connection handle = ds.getConnection();
            db.write(ds, 1, 4);
            handle.close();
            assertThat(handle.isClosed()).isTrue();
            assertThatThrownBy(handle::createStatement).isInstanceOf(SQLException.class)
                    .hasMessageContaining("handle closed");
            assertThat(db.read(ds, 1)).isEqualTo(4); // the transaction goes on
        });
        assertThat(db.committed(1)).isEqualTo(4);
    }

    @Test
    void theSameLevelOutsideATransaction_isLimitedByThePool() throws SQLException {
        try (Connection held = ds.getConnection()) {
            assertThat(held.isClosed()).isFalse();
            assertThatThrownBy(ds::getConnection).isInstanceOf(SQLTransientConnectionException.class);
            assertThat(levels.switchDbIsolate(() -> db.read(ds, 1))).isZero();
        }
    }

    @Test
    void capture_carriesTheLevelToAnotherThread_butNoTransaction() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            int[] seen = levels.transaction(() -> levels.switchDbIsolate(() -> {
                DatasourceContext here = levels.capture();
                DatasourceContext above = levels.captureIsolated();
                int plain = executor.submit(levels::current).get(30, TimeUnit.SECONDS);
                int captured = executor.submit(here.wrap(levels::current)).get(30, TimeUnit.SECONDS);
                int isolated = executor.submit(above.wrap(levels::current)).get(30, TimeUnit.SECONDS);
                int after = executor.submit(levels::current).get(30, TimeUnit.SECONDS);
                return new int[]{plain, captured, isolated, after, here.level()};
            }));
            assertThat(seen).containsExactly(0, 1, 2, 0, 1);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void capturedContext_usesAFreshTransactionContextOnTheOtherThread() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            levels.transaction(() -> {
                db.write(ds, 1, 6);
                DatasourceContext above = levels.captureIsolated();
                // the caller holds the only level-0 connection and waits: level 1 over there cannot block on it
                int seen = executor.submit(above.wrap(() -> db.read(ds, 1))).get(30, TimeUnit.SECONDS);
                assertThat(seen).isZero();
            });
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void withoutDatasources_switchDbIsolateJustRuns_andNamesAreChecked() {
        try (DatasourceLevels none = DatasourceLevels.of()) {
            assertThat(none.switchDbIsolate(null, none::current)).isZero();
            assertThat(none.switchDbIsolate(none::current)).isZero();
            assertThatThrownBy(() -> none.switchDbIsolate("reports", none::current))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RL2501")
                    .hasMessageContaining("'reports'").hasMessageContaining("configured: []");
            assertThatThrownBy(none::dataSource).hasMessageContaining("RL2501")
                    .hasMessageContaining("redlock.datasources.default.url");
        }
    }

    @Test
    void unknownDatasource_namesItAndTheConfiguredOnes() {
        assertThatThrownBy(() -> levels.switchDbIsolate("reports", () -> 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("RL2501: redlock.datasources.reports: unknown datasource 'reports'")
                .hasMessageContaining("configured: [default]");
        assertThatThrownBy(() -> levels.transaction("reports", () -> 1)).hasMessageContaining("RL2501");
        assertThatThrownBy(() -> levels.checkDatasource("reports")).hasMessageContaining("RL2501");
        levels.checkDatasource(null);
        levels.checkDatasource("default");
        assertThatThrownBy(() -> levels.switchDb(-1, () -> 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("level must not be negative, was -1");
        assertThat(levels.current()).isZero();
    }

    @Test
    void namedSwitch_setsTheDatasourceOfUnnamedTransactions() throws SQLException {
        DatasourceTestDb other = DatasourceTestDb.h2();
        try (DatasourceLevels two = DatasourceLevels.of(db.settings("default", 1, TIMEOUT),
                other.settings("reports", 1, TIMEOUT))) {
            DataSource reports = two.dataSource("reports");
            two.switchDbIsolate("reports", () -> {
                assertThat(two.currentDatasource()).isEqualTo("reports");
                two.transaction(() -> other.write(reports, 1, 8));
            });
            assertThat(two.currentDatasource()).isEqualTo("default");
            assertThat(other.committed(1)).isEqualTo(8);
        }
    }

    @Test
    void aPoolThatCannotStart_failsWithTheDatasourceAndLevel() {
        try (DatasourceLevels broken = DatasourceLevels
                .of(DatasourceSettings.builder("default", "jdbc:redlock-no-such-driver:x").build())) {
            assertThatThrownBy(() -> broken.switchDbIsolate(() -> broken.dataSource().getConnection()))
                    .isInstanceOf(SQLException.class)
                    .hasMessageStartingWith("RL2509: redlock.datasources.default: cannot start the pool of level 1");
        }
    }

    @Test
    void afterClose_connectionsAreRefused() {
        levels.close();
        assertThatThrownBy(ds::getConnection).isInstanceOf(IllegalStateException.class).hasMessageContaining("RL2508");
        levels.close(); // idempotent
    }

    @Test
    void settings_hideThePassword() {
        DatasourceSettings s = DatasourceSettings.builder("default", db.url).password("secret").build();
        assertThat(s.toString()).doesNotContain("secret").contains("password=***");
    }
}
