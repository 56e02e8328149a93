package dev.redlock.api.spi;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

import dev.redlock.api.IsolateOptions;
import dev.redlock.api.LockOptions;
import dev.redlock.api.LockSession;
import dev.redlock.api.LockState;
import dev.redlock.api.LockedFunction;
import dev.redlock.api.MetaSlice;
import dev.redlock.api.RedlockResource;

/**
 * Performs the locks of one meta bean. Arguments are already checked for null by the caller. The methods beyond
 * {@code lock} and {@code lockIsolate} have defaults that throw {@link UnsupportedOperationException}; the binding
 * of {@code redlock-cdi} implements them all.
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

    /**
     * Runs {@code fn} while holding one lock over the keys of all {@code resources}.
     *
     * @param <T>       the result type
     * @param <E>       the checked exception {@code fn} may throw
     * @param resources the resources; not empty
     * @param options   the options
     * @param fn        the function
     * @return what {@code fn} returned
     * @throws E what {@code fn} threw
     * @see dev.redlock.api.BeanRedlockBase#lock(List, LockedFunction)
     */
    default <T, E extends Exception> T lockAll(List<? extends RedlockResource> resources, LockOptions options,
            LockedFunction<T, E> fn) throws E {
        throw unsupported("lockAll");
    }

    /**
     * Runs {@code fn} if the lock of {@code resource} is acquired within the options' wait time.
     *
     * @param <T>      the result type
     * @param <E>      the checked exception {@code fn} may throw
     * @param resource the resource
     * @param options  the options; their wait time is set
     * @param fn       the function
     * @return what {@code fn} returned, or empty if another owner held the resource for the whole wait
     * @throws E what {@code fn} threw
     * @see dev.redlock.api.BeanRedlockBase#tryLock(RedlockResource, java.time.Duration, LockedFunction)
     */
    default <T, E extends Exception> Optional<T> tryLock(RedlockResource resource, LockOptions options,
            LockedFunction<T, E> fn) throws E {
        throw unsupported("tryLock");
    }

    /**
     * Acquires asynchronously, runs {@code fn}, holds the lock until its stage completes, then releases.
     *
     * @param <T>      the result type
     * @param resource the resource
     * @param options  the options
     * @param fn       starts the work
     * @return a stage with the work's result, completed after the release
     * @see dev.redlock.api.BeanRedlockBase#lockAsync(RedlockResource, Function)
     */
    default <T> CompletionStage<T> lockAsync(RedlockResource resource, LockOptions options,
            Function<LockSession, ? extends CompletionStage<T>> fn) {
        throw unsupported("lockAsync");
    }

    /**
     * Acquires asynchronously, runs the blocking {@code fn} on {@code executor} at the next datasource level, then
     * releases.
     *
     * @param <T>      the result type
     * @param resource the resource
     * @param options  the options
     * @param executor runs {@code fn}
     * @param fn       the function
     * @return a stage with {@code fn}'s result, completed after the release
     * @see dev.redlock.api.BeanRedlockBase#lockIsolateAsync(RedlockResource, Executor, LockedFunction)
     */
    default <T> CompletionStage<T> lockIsolateAsync(RedlockResource resource, IsolateOptions options,
            Executor executor, LockedFunction<T, ?> fn) {
        throw unsupported("lockIsolateAsync");
    }

    /**
     * Whether the lock of {@code resource} is held now, from one read of every node.
     *
     * @param resource the resource
     * @param isolate  whether it is a resource of {@code lockIsolate} (else of {@code lock})
     * @return the state
     * @see dev.redlock.api.BeanRedlockBase#isLocked(RedlockResource)
     */
    default LockState lockState(RedlockResource resource, boolean isolate) {
        throw unsupported("lockState");
    }

    /**
     * The meta this binding serves, as inspect reports it.
     *
     * @return the slice
     * @see dev.redlock.api.BeanRedlockBase#inspect()
     */
    default MetaSlice slice() {
        throw unsupported("slice");
    }

    /**
     * The failure of a method this binding does not implement: the methods added after 0.1's first ones have
     * defaults, so that a binding written against the first ones (a test double) still compiles.
     *
     * @param method the method's name
     * @return the exception to throw
     */
    private static UnsupportedOperationException unsupported(String method) {
        return new UnsupportedOperationException("MetaBinding#" + method + " is not implemented by this binding");
    }
}
