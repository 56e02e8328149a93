package dev.redlock.api.spi;

import dev.redlock.api.IsolateOptions;
import dev.redlock.api.LockOptions;
import dev.redlock.api.LockedFunction;
import dev.redlock.api.RedlockResource;

/**
 * Performs the locks of one meta bean. Arguments are already checked for null by the caller.
 *
 * <p>Implementations are thread-safe.
 *
 * @since 0.1
 */
public interface MetaBinding {

    /**
     * Runs {@code fn} while holding the lock of {@code resource}.
     *
     * @param <T>      the result type
     * @param <E>      the checked exception {@code fn} may throw
     * @param resource the resource
     * @param options  the options
     * @param fn       the function
     * @return what {@code fn} returned
     * @throws E what {@code fn} threw
     * @see dev.redlock.api.BeanRedlockBase#lock(RedlockResource, LockOptions, LockedFunction)
     */
    <T, E extends Exception> T lock(RedlockResource resource, LockOptions options, LockedFunction<T, E> fn) throws E;

    /**
     * Runs {@code fn} at the next datasource level while holding the lock of {@code resource}.
     *
     * @param <T>      the result type
     * @param <E>      the checked exception {@code fn} may throw
     * @param resource the resource
     * @param options  the options
     * @param fn       the function
     * @return what {@code fn} returned
     * @throws E what {@code fn} threw
     * @see dev.redlock.api.BeanRedlockBase#lockIsolate(RedlockResource, IsolateOptions, LockedFunction)
     */
    <T, E extends Exception> T lockIsolate(RedlockResource resource, IsolateOptions options, LockedFunction<T, E> fn)
            throws E;
}
