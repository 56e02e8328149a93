package com.example.student;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import dev.redlock.datasource.Datasource;
import dev.redlock.datasource.DatasourceLevels;

/**
 * The students' scores, one row per user in the embedded H2 database ({@code redlock.datasources.default}).
 *
 * <p>{@link #increment(String)} is a read-modify-write: two concurrent calls for one user would lose an update.
 * {@link StudentController} calls it under the user's lock, so the count stays exact.
 */
@ApplicationScoped
public class ScoreRepository {

    @Inject
    DatasourceLevels levels;

    /** The default datasource: a connection comes from the pool of the caller's datasource level. */
    @Inject
    @Datasource
    DataSource db;

    void createTable(@Observes Startup startup) throws SQLException {
        levels.transaction(() -> {
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS student_score"
                        + " (user_id VARCHAR(64) PRIMARY KEY, score INT NOT NULL)");
            }
        });
    }

    /**
     * Adds one to the user's score in a transaction of the caller's datasource level, reading first and writing
     * after: not safe without a lock.
     *
     * @param userId the user
     * @return the new score
     * @throws SQLException if the database fails
     */
    public int increment(String userId) throws SQLException {
        // tag::increment[]
        return levels.transaction(() -> {
            try (Connection c = db.getConnection()) {
                int score = read(c, userId) + 1;
                try (PreparedStatement merge = c
                        .prepareStatement("MERGE INTO student_score (user_id, score) KEY (user_id) VALUES (?, ?)")) {
                    merge.setString(1, userId);
                    merge.setInt(2, score);
                    merge.executeUpdate();
                }
                return score;
            }
        });
        // end::increment[]
    }

    /**
     * The user's score, 0 when it has none.
     *
     * @param userId the user
     * @return the score
     * @throws SQLException if the database fails
     */
    public int score(String userId) throws SQLException {
        try (Connection c = db.getConnection()) {
            return read(c, userId);
        }
    }

    private static int read(Connection c, String userId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT score FROM student_score WHERE user_id = ?")) {
            select.setString(1, userId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }
}
