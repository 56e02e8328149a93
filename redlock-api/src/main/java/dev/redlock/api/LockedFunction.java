package dev.redlock.api;

/**
 * A function run while a lock is held that wants to see the lock: its fencing token, its validity, its loss
 * signal.
 *
 * @param <T> the result type
 * @param <E> the checked exception it may throw; inferred as {@link RuntimeException} for lambdas that throw none
 * @since 0.1
 */
@FunctionalInterface
public interface LockedFunction<T, E extends Exception> {

    /**
     * Runs under the lock.
     *
     * @param session the held lock; valid only during this call
     * @return the result, passed back to the caller of {@code lock}
     * @throws E whatever the function throws; passed back to the caller after the lock is released
     */
    T apply(LockSession session) throws E;
}
