package dev.redlock.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

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
 * <p>Beyond {@code lock} and {@code lockIsolate}: {@code lock(resource, session -> ..)} hands the function the
 * session, {@link #tryLock} gives up while another owner holds the resource, {@code lock(List, fn)} locks several
 * resources all or none, {@link #lockAsync} and {@link #lockIsolateAsync} do not block the caller, and
 * {@link #isLocked} tells {@link LockState free, held or held on a minority} of nodes.
 *
 * <p>Typed use means the meta's own class: {@code @Inject MetaRedlock redlock}, also from another module. An
 * untyped {@code BeanRedlockBase<?, ?>} (an unqualified or {@code @InModule} injection point, resolved by module at
 * run time) cannot name its resource types, so its lock methods accept only {@code null}: use it to find and
 * {@link #inspect()} a module's meta, and inject the meta's class to lock.
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
     * Runs {@code fn} while holding the lock of {@code resource}, with the configured options; {@code fn} sees the
     * held lock: its fencing token, its validity and its {@link LockSession#lost() loss signal}.
     *
     * <pre>{@code
     * redlock.lock(MetaRedlock_.Lock.NAME, session -> store.write(data, session.fencingToken()));
     * }</pre>
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
     * @since 0.1
     */
    public <T, E extends Exception> T lock(L resource, LockedFunction<T, E> fn) throws E {
        return lock(resource, LockOptions.defaults(), fn);
    }

    /**
     * Runs {@code fn} while holding the locks of all {@code resources} at once, with the configured options: one
     * lock over all their keys, granted on a quorum of nodes for all of them or for none, so two callers locking
     * overlapping lists can never deadlock each other.
     *
     * @param <T>       the result type
     * @param <E>       the checked exception {@code fn} may throw
     * @param resources the resources; not empty, none {@code null}, no resource twice
     * @param fn        the function; must not be {@code null}
     * @return what {@code fn} returned
     * @throws E                        what {@code fn} threw, after the lock was released
     * @throws LockAcquisitionException if the lock could not be acquired within the configured wait
     * @throws LockLostException        if the lock was lost while {@code fn} ran
     * @throws IllegalArgumentException if {@code resources} is empty or names a resource twice
     * @throws IllegalStateException    if this meta is not in effect, or the bean was not created by a container
     *                                  running the redlock extension
     * @since 0.1
     */
    public <T, E extends Exception> T lock(List<? extends L> resources, LockedFunction<T, E> fn) throws E {
        Objects.requireNonNull(resources, "resources");
        resources.forEach(r -> Objects.requireNonNull(r, "resources contains null"));
        Objects.requireNonNull(fn, "fn");
        return binding().lockAll(List.copyOf(resources), LockOptions.defaults(), fn);
    }

    /**
     * Runs {@code fn} if the lock of {@code resource} can be acquired within {@code wait}; gives up, without
     * running it, if another owner holds the resource throughout. The lock is kept extended while {@code fn} runs.
     *
     * <pre>{@code
     * Optional<Report> report = redlock.tryLock(MetaRedlock_.Lock.NAME, Duration.ZERO, session -> build());
     * }</pre>
     *
     * @param <T>      the result type
     * @param <E>      the checked exception {@code fn} may throw
     * @param resource the resource; must not be {@code null}
     * @param wait     how long to keep trying; {@link Duration#ZERO} for one attempt; not negative
     * @param fn       the function; must not be {@code null}, and must not return {@code null}
     * @return what {@code fn} returned, or empty if another owner held the resource for the whole wait
     * @throws E                        what {@code fn} threw, after the lock was released
     * @throws LockAcquisitionException if the lock could not be acquired for another reason than a holder: too
     *                                  many nodes unreachable, or the validity ran out while the votes came in
     * @throws LockLostException        if the lock was lost while {@code fn} ran
     * @throws NullPointerException     if {@code fn} returned {@code null} (the result would read as "not locked")
     * @throws IllegalArgumentException if {@code wait} is negative
     * @throws IllegalStateException    if this meta is not in effect, or the bean was not created by a container
     *                                  running the redlock extension
     * @since 0.1
     */
    public <T, E extends Exception> Optional<T> tryLock(L resource, Duration wait, LockedFunction<T, E> fn)
            throws E {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(wait, "wait");
        Objects.requireNonNull(fn, "fn");
        LockOptions options = LockOptions.defaults().withWaitTime(wait); // checks the range
        return binding().tryLock(resource, options, fn);
    }

    /**
     * Asynchronous {@code lock}: acquires the lock of {@code resource} without blocking the caller, then calls
     * {@code fn}, keeps the lock extended until the stage {@code fn} returned completes, releases it, and completes
     * the returned stage with that stage's result. {@code fn} runs on an engine thread: it must start its work and
     * return, not block. Nested locks are not detected here (no thread holds an asynchronous lock).
     *
     * @param <T>      the result type
     * @param resource the resource; must not be {@code null}
     * @param fn       starts the work under the lock and returns its stage; must not be {@code null} nor return
     *                 {@code null}
     * @return a stage completing with the result after the release; or exceptionally with
     *         {@link LockAcquisitionException} (not acquired within the configured wait), {@link LockLostException}
     *         (lost before the work completed) or what the work failed with
     * @throws IllegalStateException    if this meta is not in effect, or the bean was not created by a container
     *                                  running the redlock extension
     * @since 0.1
     */
    public <T> CompletionStage<T> lockAsync(L resource, Function<LockSession, ? extends CompletionStage<T>> fn) {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(fn, "fn");
        return binding().lockAsync(resource, LockOptions.defaults(), fn);
    }

    /**
     * Asynchronous {@code lockIsolate}: acquires the lock of {@code resource} without blocking the caller, then runs
     * the blocking {@code fn} on {@code executor} at the next level of the default datasource, releases the lock,
     * and completes the returned stage with {@code fn}'s result.
     *
     * <p>Why {@code fn} is blocking here, unlike {@link #lockAsync}'s: a datasource level belongs to the thread that
     * runs the function (its connections and its transaction context are the thread's), so the isolation can only
     * cover work done on one thread, from start to end. Give an executor whose threads may block on the database.
     *
     * @param <T>      the result type
     * @param resource the resource; must not be {@code null}
     * @param executor runs {@code fn}; must not be {@code null}
     * @param fn       the function; must not be {@code null}
     * @return a stage completing with {@code fn}'s result after the release; or exceptionally with
     *         {@link LockAcquisitionException}, {@link LockLostException} or what {@code fn} threw
     * @throws IllegalStateException    if this meta is not in effect, or the bean was not created by a container
     *                                  running the redlock extension
     * @since 0.1
     */
    public <T> CompletionStage<T> lockIsolateAsync(I resource, Executor executor, LockedFunction<T, ?> fn) {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(fn, "fn");
        return binding().lockIsolateAsync(resource, IsolateOptions.defaults(), executor, fn);
    }

    /**
     * Whether the lock of {@code resource} is held now, as every node answers one read: {@link LockState#HELD} by a
     * quorum, {@link LockState#HELD_ON_MINORITY} on some nodes only, or {@link LockState#FREE}. A snapshot for
     * monitoring; to act on a free resource, lock it ({@link #tryLock}).
     *
     * @param resource a resource of {@code lock}; must not be {@code null}
     * @return the state; never {@code null}
     * @throws IllegalStateException    if this meta is not in effect, or the bean was not created by a container
     *                                  running the redlock extension
     * @since 0.1
     */
    public LockState isLocked(L resource) {
        Objects.requireNonNull(resource, "resource");
        return binding().lockState(resource, false);
    }

    /**
     * Whether the lock of an {@code isolate} resource is held now: {@link #isLocked} for the resources of
     * {@code lockIsolate}.
     *
     * @param resource a resource of {@code lockIsolate}; must not be {@code null}
     * @return the state; never {@code null}
     * @throws IllegalStateException    if this meta is not in effect, or the bean was not created by a container
     *                                  running the redlock extension
     * @since 0.1
     */
    public LockState isLockedIsolate(I resource) {
        Objects.requireNonNull(resource, "resource");
        return binding().lockState(resource, true);
    }

    /**
     * This meta as inspect reports it: its full name, module, declared resources, client. The one method of an
     * untyped {@code BeanRedlockBase<?, ?>} (what an unqualified or {@code @InModule} injection point gives) that
     * takes no resource; to lock, inject the meta's own class instead, whose resources are typed.
     *
     * @return the slice; never {@code null}
     * @throws IllegalStateException if the bean was not created by a container running the redlock extension
     * @since 0.1
     */
    public MetaSlice inspect() {
        return binding().slice();
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
