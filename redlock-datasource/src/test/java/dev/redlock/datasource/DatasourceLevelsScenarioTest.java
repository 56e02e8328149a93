package dev.redlock.datasource;

import java.sql.SQLException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** VonaJS's scenario on an embedded H2 database; see {@link DatasourceScenario}. */
final class DatasourceLevelsScenarioTest {

    private DatasourceScenario scenario;

    @BeforeEach
    void setUp() throws SQLException {
        scenario = new DatasourceScenario(DatasourceTestDb.h2());
    }

    @Test
    void likeLock_withPoolOfOne_failsWithThePoolTimeout() throws SQLException {
        scenario.likeLock_failsWithThePoolTimeout();
    }

    @Test
    void isolate_withPoolOfOne_completesAndTheUpdateIsVisibleAfterCommit() throws SQLException {
        scenario.isolate_completesAndTheUpdateIsVisible();
    }

    @Test
    void twoCallers_likeLock_timeOutOnThePool() throws Exception {
        scenario.twoCallers(false);
    }

    @Test
    void twoCallers_isolated_bothComplete() throws Exception {
        scenario.twoCallers(true);
    }
}
