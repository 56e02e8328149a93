package dev.redlock.api;

import java.util.Objects;

import jakarta.inject.Inject;

import org.jspecify.annotations.Nullable;

import dev.redlock.api.spi.MetaBinding;
import dev.redlock.api.spi.RedlockBinder;

/**
 * The base class of a module's distributed-lock meta bean: the Java counterpart of VonaJS's
 * {@code BeanRedlockBase<LockResource, IsolateResource>}.
 *
 * <pre>{@code
 * @Meta
 * @RedlockResources(lock = "name", isolate = {"name", "user-{userId}"})
 * public class MetaRedlock extends BeanRedlockBase<MetaRedlock_.Lock, MetaRedlock_.Isolate> {}
 *
 * String r = redlock.lock(MetaRedlock_.Lock.NAME, () -> "some result");
 * redlock.lockIsolate(MetaRedlock_.Isolate.user(userId), () -> repo.update(userId));
 * }</pre>
 *
 * <p>{@code lock} acquires the resource's lock across the configured Redis nodes, waiting as configured, keeps it
 * extended while the function runs, and releases it when the function returns or throws. {@code lockIsolate} does
 * the same and runs the function at the next datasource level, with its own connection pool and transaction
 * context, so a caller holding a pooled connection cannot deadlock with it. The levels come from the optional
 * {@code redlock-datasource} module (through {@link dev.redlock.api.spi.DatasourceIsolation}); without it,
 * {@code lockIsolate} behaves exactly like {@code lock}.
 *
 * <p>The key of a resource is {@code {prefix}{instance}:{module}.{resource}}. A lock lost while the function runs
 * ends the call with {@link LockLostException}; one that cannot be acquired, with
 * {@link LockAcquisitionException}.
 *
 * <p>Instances are created by the CDI container (the {@code redlock-cdi} extension); outside a container the lock
 * methods throw {@link IllegalStateException}. Thread-safe: one application-scoped instance serves all callers.
 *
 * @param <L> the resources {@code lock} accepts: the generated {@code <Class>_.Lock}
 * @param <I> the resources {@code lockIsolate} accepts: the generated {@code <Class>_.Isolate}
 * @since 0.1
 */
public abstract class BeanRedlockBase<L extends RedlockResource, I extends RedlockResource> {

    private volatile @Nullable MetaBinding binding;

    /** For subclasses; the container creates the instances. */
    protected BeanRedlockBase() {
    }

    /** Called by the container once, when the bean is created; binds the bean to its module's lock engine. */
    @Inject
    void bindRedlock(RedlockBinder binder) {
        this.binding = binder.bind(getClass());
    }

    /**
     * Runs {@code fn} while holding the lock of {@code resource}, with the configured options.
     *
     * @param <T>      the result type
     * @param <E>      the checked exception {@code fn} may throw
     * @param resource the resource; must not be {@code null}
     * @param fn       the function; must not be {@code null}
     * @return what {@code fn} returned
     * @throws E                        what {@code fn} threw, after the lock was released
     * @throws LockAcquisitionException if the lock could not be acquired within the configured wait
     * @throws LockLostException        if the lock was lost while {@code fn} ran
     * @throws IllegalStateException    if this meta is not in effect, or the bean was not created by a container
     *                                  running the redlock extension
     */
    public <T, E extends Exception> T lock(L resource, LockedSupplier<T, E> fn) throws E {
        Objects.requireNonNull(fn, "fn");
        return lock(resource, LockOptions.defaults(), session -> fn.get());
    }

    /**
     * Runs {@code fn} while holding the lock of {@code resource}, with the configured options.
     *
     * @param <E>      the checked exception {@code fn} may throw
     * @param resource the resource; must not be {@code null}
     * @param fn       the function; must not be {@code null}
     * @throws E                        what {@code fn} threw, after the lock was released
     * @throws LockAcquisitionException if the lock could not be acquired within the configured wait
     * @throws LockLostException        if the lock was lost while {@code fn} ran
     * @throws IllegalStateException    if this meta is not in effect, or the bean was not created by a container
     *                                  running the redlock extension
     */
    public <E extends Exception> void lock(L resource, LockedRunnable<E> fn) throws E {
        Objects.requireNonNull(fn, "fn");
        lock(resource, LockOptions.defaults(), session -> {
            fn.run();
            return null;
        });
    }

    /**
     * Runs {@code fn} while holding the lock of {@code resource}; {@code fn} sees the held lock.
     *
     * @param <T>      the result type
     * @param <E>      the checked exception {@code fn} may throw
     * @param resource the resource; must not be {@code null}
     * @param options  the options; must not be {@code null}
     * @param fn       the function; must not be {@code null}
     * @return what {@code fn} returned
     * @throws E                        what {@code fn} threw, after the lock was released
     * @throws LockAcquisitionException if the lock could not be acquired within the wait time
     * @throws LockLostException        if the lock was lost while {@code fn} ran
     * @throws IllegalArgumentException if {@code options} names an unknown client
     * @throws IllegalStateException    if this meta is not in effect, or the bean was not created by a container
     *                                  running the redlock extension
     */
    public <T, E extends Exception> T lock(L resource, LockOptions options, LockedFunction<T, E> fn) throws E {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(fn, "fn");
        return binding().lock(resource, options, fn);
    }

    /**
     * Runs {@code fn} at the next datasource level while holding the lock of {@code resource}, with the configured
     * options and the default datasource.
     *
     * @param <T>      the result type
     * @param <E>      the checked exception {@code fn} may throw
     * @param resource the resource; must not be {@code null}
     * @param fn       the function; must not be {@code null}
     * @return what {@code fn} returned
     * @throws E                        what {@code fn} threw, after the lock was released
     * @throws LockAcquisitionException if the lock could not be acquired within the configured wait
     * @throws LockLostException        if the lock was lost while {@code fn} ran
     * @throws IllegalStateException    if this meta is not in effect, or the bean was not created by a container
     *                                  running the redlock extension
     */
    public <T, E extends Exception> T lockIsolate(I resource, LockedSupplier<T, E> fn) throws E {
        Objects.requireNonNull(fn, "fn");
        return lockIsolate(resource, IsolateOptions.defaults(), session -> fn.get());
    }

    /**
     * Runs {@code fn} at the next datasource level while holding the lock of {@code resource}, with the configured
     * options and the default datasource.
     *
     * @param <E>      the checked exception {@code fn} may throw
     * @param resource the resource; must not be {@code null}
     * @param fn       the function; must not be {@code null}
     * @throws E                        what {@code fn} threw, after the lock was released
     * @throws LockAcquisitionException if the lock could not be acquired within the configured wait
     * @throws LockLostException        if the lock was lost while {@code fn} ran
     * @throws IllegalStateException    if this meta is not in effect, or the bean was not created by a container
     *                                  running the redlock extension
     */
    public <E extends Exception> void lockIsolate(I resource, LockedRunnable<E> fn) throws E {
        Objects.requireNonNull(fn, "fn");
        lockIsolate(resource, IsolateOptions.defaults(), session -> {
            fn.run();
            return null;
        });
    }

    /**
     * Runs {@code fn} at the next level of the options' datasource while holding the lock of {@code resource};
     * {@code fn} sees the held lock.
     *
     * @param <T>      the result type
     * @param <E>      the checked exception {@code fn} may throw
     * @param resource the resource; must not be {@code null}
     * @param options  the options; must not be {@code null}
     * @param fn       the function; must not be {@code null}
     * @return what {@code fn} returned
     * @throws E                        what {@code fn} threw, after the lock was released
     * @throws LockAcquisitionException if the lock could not be acquired within the wait time
     * @throws LockLostException        if the lock was lost while {@code fn} ran
     * @throws IllegalArgumentException if {@code options} names an unknown client or datasource
     * @throws IllegalStateException    if this meta is not in effect, or the bean was not created by a container
     *                                  running the redlock extension
     */
    public <T, E extends Exception> T lockIsolate(I resource, IsolateOptions options, LockedFunction<T, E> fn)
            throws E {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(fn, "fn");
        return binding().lockIsolate(resource, options, fn);
    }

    private MetaBinding binding() {
        MetaBinding b = binding;
        if (b == null) {
            // no RLnnnn code: codes belong to the module that detects a problem (1xxx core, 2xxx cdi, 3xxx
            // processor); this plain state check of the API is like its argument checks
            throw new IllegalStateException(getClass().getName() + " is not bound to a lock engine;"
                    + " obtain it by injection from a CDI container that runs dev.redlock.cdi.RedlockExtension"
                    + " (add a dependency on dev.redlock:redlock-cdi), not with 'new'");
        }
        return b;
    }
}
