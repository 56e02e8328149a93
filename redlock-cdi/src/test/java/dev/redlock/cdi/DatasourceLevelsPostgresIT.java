package dev.redlock.cdi;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * VonaJS's scenario (see {@link DatasourceScenario}) on the PostgreSQL at localhost:5432, database {@code test},
 * user {@code postgres} or {@code root} with trust authentication; skipped with the reason when none answers. Each
 * run uses its own table and drops it. Another server: {@code -Dredlock.it.postgres-url=jdbc:postgresql://host/db}.
 */
final class DatasourceLevelsPostgresIT {

    /** Overridable with {@code -Dredlock.it.postgres-url=...}. */
    private static final String URL = System.getProperty("redlock.it.postgres-url",
            "jdbc:postgresql://localhost:5432/test?connectTimeout=5");

    private static DatasourceTestDb db;

    @BeforeAll
    static void connect() throws SQLException {
        List<String> failures = new ArrayList<>();
        for (String user : List.of("postgres", "root")) {
            try (Connection probe = DriverManager.getConnection(URL, user, "")) {
                db = DatasourceTestDb.existing(URL, user);
                return;
            } catch (SQLException e) {
                failures.add(user + ": " + e.getMessage());
            }
        }
        String reason = "no PostgreSQL reachable at " + URL + " (" + String.join("; ", failures) + ")";
        System.out.println("SKIPPED DatasourceLevelsPostgresIT: " + reason);
        Assumptions.abort(reason);
    }

    @AfterAll
    static void drop() throws SQLException {
        if (db != null) {
            db.drop();
        }
    }

    @Test
    void likeLock_withPoolOfOne_failsWithThePoolTimeout() throws SQLException {
        new DatasourceScenario(db).likeLock_failsWithThePoolTimeout();
    }

    @Test
    void isolate_withPoolOfOne_completesAndTheUpdateIsVisibleAfterCommit() throws SQLException {
        new DatasourceScenario(db).isolate_completesAndTheUpdateIsVisible();
    }
}
