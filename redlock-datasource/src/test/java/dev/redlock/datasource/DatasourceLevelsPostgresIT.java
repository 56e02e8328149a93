package dev.redlock.datasource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * VonaJS's scenario (see {@link DatasourceScenario}) on the PostgreSQL at localhost:5432, database {@code test},
 * user {@code postgres} or {@code root} with trust authentication; skipped with the reason when none answers. Each
 * test uses its own table and drops it. Another server: {@code -Dredlock.it.postgres-url=jdbc:postgresql://host/db}.
 */
final class DatasourceLevelsPostgresIT {

    /** Overridable with {@code -Dredlock.it.postgres-url=...}. */
    private static final String URL = System.getProperty("redlock.it.postgres-url",
            "jdbc:postgresql://localhost:5432/test?connectTimeout=5");

    private static String user;
    private DatasourceTestDb db;

    @BeforeAll
    static void connect() {
        List<String> failures = new ArrayList<>();
        for (String candidate : List.of("postgres", "root")) {
            try (Connection probe = DriverManager.getConnection(URL, candidate, "")) {
                if (probe.isValid(5)) {
                    user = candidate;
                    return;
                }
                failures.add(candidate + ": connection not valid");
            } catch (SQLException e) {
                failures.add(candidate + ": " + e.getMessage());
            }
        }
        String reason = "no PostgreSQL reachable at " + URL + " (" + String.join("; ", failures) + ")";
        System.out.println("SKIPPED DatasourceLevelsPostgresIT: " + reason);
        Assumptions.abort(reason);
    }

    @BeforeEach
    void createTable() throws SQLException {
        db = DatasourceTestDb.existing(URL, user);
    }

    @AfterEach
    void dropTable() throws SQLException {
        db.drop();
    }

    @Test
    void likeLock_withPoolOfOne_failsWithThePoolTimeout() throws SQLException {
        new DatasourceScenario(db).likeLock_failsWithThePoolTimeout();
    }

    @Test
    void isolate_withPoolOfOne_completesAndTheUpdateIsVisibleAfterCommit() throws SQLException {
        new DatasourceScenario(db).isolate_completesAndTheUpdateIsVisible();
    }

    @Test
    void twoCallers_likeLock_timeOutOnThePool() throws Exception {
        new DatasourceScenario(db).twoCallers(false);
    }

    @Test
    void twoCallers_isolated_bothComplete() throws Exception {
        new DatasourceScenario(db).twoCallers(true);
    }
}
