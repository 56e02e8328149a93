package dev.redlock.api;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Per-call options of {@link BeanRedlockBase#lockIsolate lockIsolate}: the lock options, plus the datasource whose
 * next level the function runs at. Immutable and thread-safe.
 *
 * @param lock       the lock options; must not be {@code null}
 * @param datasource the configured datasource ({@code redlock.datasources.<name>}) to isolate; not blank, or
 *                   {@code null} for the default datasource
 * @since 0.1
 */
public record IsolateOptions(LockOptions lock, @Nullable String datasource) {

    private static final IsolateOptions DEFAULTS = new IsolateOptions(LockOptions.defaults(), null);

    /**
     * Checks the components.
     *
     * @param lock       the lock options
     * @param datasource the configured datasource ({@code redlock.datasources.<name>}) to isolate
     * @throws NullPointerException     if {@code lock} is null
     * @throws IllegalArgumentException if {@code datasource} is blank
     */
    public IsolateOptions {
        Objects.requireNonNull(lock, "lock");
        Checks.notBlankOrNull(datasource, "datasource");
    }

    /**
     * Options that take everything from configuration and isolate the default datasource.
     *
     * @return the shared default options
     */
    public static IsolateOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Isolate options with these lock options and the default datasource.
     *
     * @param lock the lock options; must not be {@code null}
     * @return new options
     */
    public static IsolateOptions of(LockOptions lock) {
        return new IsolateOptions(lock, null);
    }

    /**
     * These options with another datasource.
     *
     * @param datasource see {@link #datasource()}
     * @return new options
     */
    public IsolateOptions withDatasource(@Nullable String datasource) {
        return new IsolateOptions(lock, datasource);
    }
}
