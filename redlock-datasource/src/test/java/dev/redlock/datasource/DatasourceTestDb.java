package dev.redlock.datasource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.locks.Lock;

import javax.sql.DataSource;

import dev.redlock.api.LockedRunnable;
import dev.redlock.api.LockedSupplier;

/**
 * A throw-away table {@code (id INT PRIMARY KEY, n INT)} in an H2 in-memory or a PostgreSQL database, and the row
 * operations the datasource-level tests use. Rows 1 and 2 start at 0.
 */
final class DatasourceTestDb {

    final String url;
    final String user;
    final String table;

    private DatasourceTestDb(String url, String user) throws SQLException {
        this.url = url;
        this.user = user;
        this.table = "rl_isolate_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = direct(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, n INT NOT NULL)");
            s.execute("INSERT INTO " + table + " (id, n) VALUES (1, 0), (2, 0)");
        }
    }

    /** A fresh H2 in-memory database that lives until the JVM exits. */
    static DatasourceTestDb h2() throws SQLException {
        return new DatasourceTestDb("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa");
    }

    /** A new table in an existing database. */
    static DatasourceTestDb existing(String url, String user) throws SQLException {
        return new DatasourceTestDb(url, user);
    }

    /** Settings for this database: a pool of {@code poolSize} per level and a short connection timeout. */
    DatasourceSettings settings(String name, int poolSize, Duration connectionTimeout) {
        return DatasourceSettings.builder(name, url).user(user).poolSize(poolSize).connectionTimeout(connectionTimeout)
                .build();
    }

    /** A connection outside every pool, for set-up and checks. */
    Connection direct() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    void drop() throws SQLException {
        try (Connection c = direct(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE " + table);
        }
    }

    /** The value of a row, read outside every pool: what is committed. */
    int committed(int id) throws SQLException {
        try (Connection c = direct()) {
            return read(c, id);
        }
    }

    /** The value of a row as a connection of {@code ds} sees it in the caller's context. */
    int read(DataSource ds, int id) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return read(c, id);
        }
    }

    int read(Connection c, int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT n FROM " + table + " WHERE id = ?")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        }
    }

    /** Sets a row through a connection of {@code ds} in the caller's context. */
    void write(DataSource ds, int id, int value) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET n = ? WHERE id = ?")) {
            ps.setInt(1, value);
            ps.setInt(2, id);
            ps.executeUpdate();
        }
    }

    /** Read, then write + 1, in two statements: exact only under a lock. */
    void increment(DataSource ds, int id) throws SQLException {
        write(ds, id, read(ds, id) + 1);
    }

    /** The plain in-JVM stand-in for the distributed lock, until the CDI wiring of lockIsolate. */
    static <T, E extends Exception> T locked(Lock lock, LockedSupplier<T, E> fn) throws E {
        lock.lock();
        try {
            return fn.get();
        } finally {
            lock.unlock();
        }
    }

    static <E extends Exception> void locked(Lock lock, LockedRunnable<E> fn) throws E {
        lock.lock();
        try {
            fn.run();
        } finally {
            lock.unlock();
        }
    }
}
