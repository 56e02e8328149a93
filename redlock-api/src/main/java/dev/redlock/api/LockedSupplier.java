package dev.redlock.api;

/**
 * A function run while a lock is held, returning a value.
 *
 * @param <T> the result type
 * @param <E> the checked exception it may throw; inferred as {@link RuntimeException} for lambdas that throw none
 * @since 0.1
 */
@FunctionalInterface
public interface LockedSupplier<T, E extends Exception> {

    /**
     * Runs under the lock.
     *
     * @return the result, passed back to the caller of {@code lock}
     * @throws E whatever the function throws; passed back to the caller after the lock is released
     */
    T get() throws E;
}
