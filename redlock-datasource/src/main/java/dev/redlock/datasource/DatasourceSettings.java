package dev.redlock.datasource;

import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * One named JDBC datasource of {@link DatasourceLevels}: where the connections of each level come from. A level
 * mapped in {@code levels} uses the application's own {@code DataSource}; every other level gets a pool the library
 * makes (HikariCP) from {@code url}, with {@code poolSize} and {@code connectionTimeout}. Immutable and thread-safe.
 *
 * <p>Create it with {@link #builder(String, String)}; the canonical constructor may gain components. From
 * configuration the settings are read from {@code redlock.datasources.<name>.*} (see
 * {@link DatasourceLevels#fromConfig}).
 *
 * @param name              the datasource name; not blank. {@value #DEFAULT_NAME} is the one used when none is named
 * @param url               the JDBC URL of the library-made pools; not blank, or {@code null} when every level used
 *                          is mapped in {@code levels}
 * @param user              the user, or {@code null} to connect without one (or with the one in the URL)
 * @param password          the password, or {@code null}
 * @param poolSize          the maximum number of connections of the pool of each level; at least 1
 * @param connectionTimeout how long {@code getConnection()} waits for a free connection of the pool before it fails;
 *                          at least {@link #MIN_CONNECTION_TIMEOUT}
 * @param levels            the levels mapped to the application's own DataSources, by level (0 or more); sorted,
 *                          unmodifiable. Each must be a DataSource of its own (see {@link LevelSource})
 * @since 0.1
 */
@NullMarked
public record DatasourceSettings(String name, @Nullable String url, @Nullable String user, @Nullable String password,
        int poolSize, Duration connectionTimeout, SortedMap<Integer, LevelSource> levels) {

    /** The name of the datasource used when none is named. */
    public static final String DEFAULT_NAME = "default";
    /** The pool size when none is set (HikariCP's default). */
    public static final int DEFAULT_POOL_SIZE = 10;
    /** The connection timeout when none is set (HikariCP's default). */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(30);
    /** The shortest connection timeout HikariCP accepts. */
    public static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);

    /**
     * Checks the components.
     *
     * @param name              the datasource name
     * @param url               the JDBC URL of the library-made pools, or {@code null}
     * @param user              the user, or {@code null} to connect without one (or with the one in the URL)
     * @param password          the password, or {@code null}
     * @param poolSize          the maximum number of connections of the pool of each level
     * @param connectionTimeout how long {@code getConnection()} waits for a free connection of the pool
     * @param levels            the levels mapped to the application's own DataSources
     * @throws NullPointerException     if {@code name}, {@code connectionTimeout} or {@code levels} (or one of its
     *                                  keys or values) is null
     * @throws IllegalArgumentException if {@code name} or {@code url} is blank, {@code url} is null with no level
     *                                  mapped, a level is negative, {@code poolSize} is below 1 or
     *                                  {@code connectionTimeout} is below {@link #MIN_CONNECTION_TIMEOUT}
     */
    public DatasourceSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(levels, "levels");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank, was '" + name + "'");
        }
        if (url != null && url.isBlank()) {
            throw new IllegalArgumentException("url must not be blank, was '" + url + "'");
        }
        SortedMap<Integer, LevelSource> copy = new TreeMap<>();
        levels.forEach((level, source) -> {
            Objects.requireNonNull(level, "levels key");
            Objects.requireNonNull(source, "levels value");
            if (level < 0) {
                throw new IllegalArgumentException("levels must not be negative, was " + level);
            }
            copy.put(level, source);
        });
        levels = Collections.unmodifiableSortedMap(copy);
        if (url == null && levels.isEmpty()) {
            throw new IllegalArgumentException("url must be set when no level is mapped to a DataSource");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
        }
        if (connectionTimeout.compareTo(MIN_CONNECTION_TIMEOUT) < 0) {
            throw new IllegalArgumentException(
                    "connectionTimeout must be at least " + MIN_CONNECTION_TIMEOUT + ", was " + connectionTimeout);
        }
    }

    /**
     * A builder with the defaults ({@value #DEFAULT_POOL_SIZE} connections, 30 s timeout, no user, no level mapped).
     *
     * @param name the datasource name; not blank
     * @param url  the JDBC URL of the library-made pools; not blank, or {@code null} if every level used is mapped
     *             with {@link Builder#level(int, LevelSource)}
     * @return a new builder
     */
    public static Builder builder(String name, @Nullable String url) {
        return new Builder(name, url);
    }

    /** Shows everything but the password. */
    @Override
    public String toString() {
        return "DatasourceSettings[name=" + name + ", url=" + url + ", user=" + user + ", password="
                + (password == null ? "null" : "***") + ", poolSize=" + poolSize + ", connectionTimeout="
                + connectionTimeout + ", levels=" + levels + "]";
    }

    /** Builds {@link DatasourceSettings}; not thread-safe. */
    public static final class Builder {
        private final String name;
        private final @Nullable String url;
        private final SortedMap<Integer, LevelSource> levels = new TreeMap<>();
        private @Nullable String user;
        private @Nullable String password;
        private int poolSize = DEFAULT_POOL_SIZE;
        private Duration connectionTimeout = DEFAULT_CONNECTION_TIMEOUT;

        private Builder(String name, @Nullable String url) {
            this.name = name;
            this.url = url;
        }

        /**
         * Sets the user.
         *
         * @param user the user, or {@code null} for none
         * @return this builder
         */
        public Builder user(@Nullable String user) {
            this.user = user;
            return this;
        }

        /**
         * Sets the password.
         *
         * @param password the password, or {@code null} for none
         * @return this builder
         */
        public Builder password(@Nullable String password) {
            this.password = password;
            return this;
        }

        /**
         * Sets the maximum number of connections of the pool of each level.
         *
         * @param poolSize at least 1
         * @return this builder
         */
        public Builder poolSize(int poolSize) {
            this.poolSize = poolSize;
            return this;
        }

        /**
         * Sets how long {@code getConnection()} waits for a free connection.
         *
         * @param connectionTimeout at least {@link #MIN_CONNECTION_TIMEOUT}
         * @return this builder
         */
        public Builder connectionTimeout(Duration connectionTimeout) {
            this.connectionTimeout = Objects.requireNonNull(connectionTimeout, "connectionTimeout");
            return this;
        }

        /**
         * Maps a level to the application's own {@code DataSource}; see {@link LevelSource}.
         *
         * @param level  the level; 0 or more
         * @param source where its connections come from; must not be {@code null}
         * @return this builder
         */
        public Builder level(int level, LevelSource source) {
            levels.put(level, Objects.requireNonNull(source, "source"));
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the checked settings
         * @throws IllegalArgumentException see {@link DatasourceSettings#DatasourceSettings}
         */
        public DatasourceSettings build() {
            return new DatasourceSettings(name, url, user, password, poolSize, connectionTimeout, levels);
        }
    }
}
