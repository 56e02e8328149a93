package dev.redlock.datasource.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * The {@link DataSource} applications inject: a fixed datasource name, but the pool (and the transaction) are looked
 * up in the caller's context at every {@link #getConnection()}, so the same injected object serves every level.
 */
final class LevelDataSource implements DataSource {

    private final DatasourceRegistry registry;
    private final String name;

    LevelDataSource(DatasourceRegistry registry, String name) {
        this.registry = registry;
        this.name = name;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return registry.connection(name);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException(DatasourceMessages.key(name, "")
                + ": the user is configured per datasource; call getConnection()");
    }

    @Override
    public @Nullable PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(@Nullable PrintWriter out) {
        // HikariCP logs through SLF4J; there is no log writer to set
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the wait for a connection is the configured connection-timeout
    }

    @Override
    public int getLoginTimeout() {
        return (int) registry.settings(name).connectionTimeout().toSeconds();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("HikariCP logs through SLF4J");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException(this + " does not wrap a " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return "DataSource[" + DatasourceMessages.key(name, "") + ", pool of the caller's level]";
    }
}
