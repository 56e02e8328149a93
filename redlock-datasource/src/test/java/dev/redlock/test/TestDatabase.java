package dev.redlock.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.agroal.narayana.NarayanaTransactionIntegration;

/**
 * A throw-away table {@code score (id, n)} with rows 1 and 2 at 0, in a fresh H2 in-memory database or in the
 * PostgreSQL at localhost:5432 (the test is skipped with the reason when none answers), and the application-side
 * pools the tests map levels to: Agroal, as Quarkus uses it, with one connection and a short acquisition timeout.
 */
public final class TestDatabase implements AutoCloseable {

    /** Which database. */
    public enum Kind {
        H2, POSTGRESQL
    }

    /** Short, so the deadlock shows quickly; it is the pool's timeout, nothing here measures time. */
    public static final Duration TIMEOUT = Duration.ofMillis(500);

    private static final String POSTGRES_URL = System.getProperty("redlock.it.postgres-url",
            "jdbc:postgresql://localhost:5432/test?connectTimeout=5");

    public final String url;
    public final String user;
    public final String table;
    private final List<AgroalDataSource> pools = new ArrayList<>();

    private TestDatabase(String url, String user) throws SQLException {
        this.url = url;
        this.user = user;
        this.table = "rl_app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = direct(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, n INT NOT NULL)");
            s.execute("INSERT INTO " + table + " (id, n) VALUES (1, 0), (2, 0)");
        }
    }

    /** A new table in a fresh H2 database, or in PostgreSQL (aborting the test when no PostgreSQL answers). */
    public static TestDatabase create(Kind kind) throws SQLException {
        if (kind == Kind.H2) {
            return new TestDatabase("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa");
        }
        List<String> failures = new ArrayList<>();
        for (String candidate : List.of("postgres", "root")) {
            try (Connection probe = DriverManager.getConnection(POSTGRES_URL, candidate, "")) {
                if (probe.isValid(5)) {
                    return new TestDatabase(POSTGRES_URL, candidate);
                }
            } catch (SQLException e) {
                failures.add(candidate + ": " + e.getMessage());
            }
        }
        Assumptions.abort("no PostgreSQL reachable at " + POSTGRES_URL + " (" + String.join("; ", failures) + ")");
        throw new AssertionError("unreachable");
    }

    /** A connection outside every pool, for set-up and checks. */
    public Connection direct() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    /**
     * A pool of one connection over this database, closed with this object.
     *
     * @param tm  the transaction manager its connections enlist in, or {@code null} for none
     * @param tsr the synchronization registry that goes with {@code tm}
     */
    public DataSource pool(@Nullable TransactionManager tm, @Nullable TransactionSynchronizationRegistry tsr)
            throws SQLException {
        AgroalDataSourceConfigurationSupplier config = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(cp -> {
                    cp.maxSize(1).acquisitionTimeout(TIMEOUT)
                            .connectionFactoryConfiguration(cf -> cf.jdbcUrl(url).principal(new NamePrincipal(user))
                                    .credential(new SimplePassword("")));
                    return tm == null ? cp : cp.transactionIntegration(new NarayanaTransactionIntegration(tm, tsr));
                });
        AgroalDataSource pool = AgroalDataSource.from(config);
        pools.add(pool);
        return pool;
    }

    /** Adds one to the row, on a connection of {@code ds}. */
    public void increment(DataSource ds, int id) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET n = n + 1 WHERE id = ?")) {
            ps.setInt(1, id);
            ps.executeUpdate();
        }
    }

    /** The committed value of a row, read outside every pool. */
    public int committed(int id) throws SQLException {
        try (Connection c = direct();
                PreparedStatement ps = c.prepareStatement("SELECT n FROM " + table + " WHERE id = ?")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        pools.forEach(AgroalDataSource::close);
        try (Connection c = direct(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE " + table);
        }
    }
}
