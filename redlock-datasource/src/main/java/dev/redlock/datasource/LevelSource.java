package dev.redlock.datasource;

import java.util.Objects;

import javax.sql.DataSource;

/**
 * Where the connections of one level of a datasource come from when the application provides them, instead of a pool
 * the library makes from the datasource's {@code url}: a CDI {@code DataSource} bean, a JNDI name, or (outside CDI)
 * a {@code DataSource} object. Immutable and thread-safe.
 *
 * <p>The rule that keeps {@code lockIsolate} free of deadlocks: a level's connections never come from a pool that a
 * caller at another level may hold. So every level needs a {@code DataSource} of its own, with its own pool; mapping
 * two levels (of any datasources) to the same one is a deployment problem (RL2516).
 *
 * @since 0.1
 */
public sealed interface LevelSource {

    /**
     * The CDI {@code DataSource} bean named {@code name}, by {@code @Named("name")} or {@code @Identifier("name")}
     * (config: {@code redlock.datasources.<ds>.levels.<n>.bean=name}).
     *
     * @param name the bean name; not blank
     * @return the source
     */
    static LevelSource bean(String name) {
        return new Bean(name);
    }

    /**
     * The {@code DataSource} bound in JNDI under {@code name} (config:
     * {@code redlock.datasources.<ds>.levels.<n>.jndi=name}), looked up with a default {@code InitialContext} at
     * start-up.
     *
     * @param name the JNDI name, e.g. {@code java:comp/env/jdbc/reports}; not blank
     * @return the source
     */
    static LevelSource jndi(String name) {
        return new Jndi(name);
    }

    /**
     * This {@code DataSource}, for use outside CDI.
     *
     * @param dataSource the data source; must not be {@code null}
     * @return the source
     */
    static LevelSource of(DataSource dataSource) {
        return new Direct(dataSource);
    }

    /**
     * A CDI bean by name.
     *
     * @param name the bean name; not blank
     */
    record Bean(String name) implements LevelSource {
        /**
         * Checks the name.
         *
         * @param name the bean name; not blank
         */
        public Bean {
            notBlank(name);
        }
    }

    /**
     * A JNDI name.
     *
     * @param name the JNDI name; not blank
     */
    record Jndi(String name) implements LevelSource {
        /**
         * Checks the name.
         *
         * @param name the JNDI name; not blank
         */
        public Jndi {
            notBlank(name);
        }
    }

    /**
     * A {@code DataSource} object.
     *
     * @param dataSource the data source; must not be {@code null}
     */
    record Direct(DataSource dataSource) implements LevelSource {
        /**
         * Checks the data source.
         *
         * @param dataSource the data source; must not be {@code null}
         */
        public Direct {
            Objects.requireNonNull(dataSource, "dataSource");
        }
    }

    private static void notBlank(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank, was '" + name + "'");
        }
    }
}
