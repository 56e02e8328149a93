package dev.redlock.api;

/**
 * A function run while a lock is held, returning nothing.
 *
 * @param <E> the checked exception it may throw; inferred as {@link RuntimeException} for lambdas that throw none
 * @since 0.1
 */
@FunctionalInterface
public interface LockedRunnable<E extends Exception> {

    /**
     * Runs under the lock.
     *
     * @throws E whatever the function throws; passed back to the caller after the lock is released
     */
    void run() throws E;
}
