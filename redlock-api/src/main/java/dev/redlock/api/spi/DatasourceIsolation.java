package dev.redlock.api.spi;

import org.jspecify.annotations.Nullable;

import dev.redlock.api.LockedSupplier;

/**
 * How {@link dev.redlock.api.BeanRedlockBase#lockIsolate lockIsolate} runs its function at the next datasource level.
 * The CDI runtime looks up one bean of this type once; {@code redlock-datasource} provides it. When no such bean is
 * deployed, {@code lockIsolate} behaves exactly like {@code lock}: the datasource named in its
 * {@link dev.redlock.api.IsolateOptions} is then ignored.
 *
 * <p>Implementations are thread-safe.
 *
 * @since 0.1
 */
public interface DatasourceIsolation {

    /**
     * Checks a datasource name, so that {@code lockIsolate} refuses an unknown one before it takes the lock.
     *
     * @param datasource the name from {@link dev.redlock.api.IsolateOptions#datasource()}, or {@code null} for the
     *                   current one (always accepted)
     * @throws IllegalArgumentException if no datasource of that name is configured; the message names the configured
     *                                  ones
     */
    void checkDatasource(@Nullable String datasource);

    /**
     * Runs {@code fn} one datasource level up, outside the caller's transactions, and restores the caller's level and
     * transactions afterwards, also when {@code fn} or the isolation itself fails.
     *
     * @param <T>        the result type
     * @param <E>        the checked exception {@code fn} may throw
     * @param datasource the datasource to make current inside, or {@code null} to keep the caller's
     * @param fn         the work; must not be {@code null}
     * @return what {@code fn} returned
     * @throws E what {@code fn} threw
     */
    <T, E extends Exception> T runIsolated(@Nullable String datasource, LockedSupplier<T, E> fn) throws E;
}
