package dev.redlock.datasource;

import java.util.Objects;
import java.util.concurrent.Callable;

import org.jspecify.annotations.NullMarked;

import dev.redlock.api.LockedRunnable;
import dev.redlock.api.LockedSupplier;
import dev.redlock.datasource.internal.DatasourceRegistry;

/**
 * A datasource call context captured on one thread with {@link DatasourceLevels#capture()}, to run work on another
 * thread at the same level. Immutable and thread-safe; it may be used on any number of threads, at once.
 *
 * <p>It carries the level and the current datasource, never an open transaction: a JDBC connection must not be used
 * by two threads, so work run through it starts with a fresh transaction context. When the capturing thread waits
 * for that work while it holds a pooled connection, capture with {@link DatasourceLevels#captureIsolated()} instead,
 * or the two may deadlock on the pool exactly as {@link DatasourceLevels} describes.
 *
 * @since 0.1
 */
@NullMarked
public final class DatasourceContext {

    private final DatasourceRegistry registry;
    private final int level;
    private final String datasource;

    DatasourceContext(DatasourceRegistry registry, int level, String datasource) {
        this.registry = registry;
        this.level = level;
        this.datasource = datasource;
    }

    /**
     * The captured level.
     *
     * @return the level; 0 or more
     */
    public int level() {
        return level;
    }

    /**
     * The captured current datasource, the one {@link DatasourceLevels#transaction(LockedSupplier)} uses.
     *
     * @return the datasource name
     */
    public String datasource() {
        return datasource;
    }

    /**
     * Runs {@code fn} on the calling thread in this context and restores that thread's own context afterwards.
     *
     * @param <T> the result type
     * @param <E> the checked exception {@code fn} may throw
     * @param fn  the work; must not be {@code null}
     * @return what {@code fn} returned
     * @throws E what {@code fn} threw
     */
    public <T, E extends Exception> T call(LockedSupplier<T, E> fn) throws E {
        return registry.runCaptured(level, datasource, fn);
    }

    /**
     * Runs {@code fn} on the calling thread in this context and restores that thread's own context afterwards.
     *
     * @param <E> the checked exception {@code fn} may throw
     * @param fn  the work; must not be {@code null}
     * @throws E what {@code fn} threw
     */
    public <E extends Exception> void run(LockedRunnable<E> fn) throws E {
        Objects.requireNonNull(fn, "fn");
        call(() -> {
            fn.run();
            return null;
        });
    }

    /**
     * Wraps a task so that it runs in this context, e.g. for {@code executor.submit(context.wrap(task))}.
     *
     * @param task the task; must not be {@code null}
     * @return a task that runs {@code task} in this context
     */
    public Runnable wrap(Runnable task) {
        Objects.requireNonNull(task, "task");
        return () -> call(() -> {
            task.run();
            return null;
        });
    }

    /**
     * Wraps a task so that it runs in this context, e.g. for {@code executor.submit(context.wrap(task))}.
     *
     * @param <T>  the result type
     * @param task the task; must not be {@code null}
     * @return a task that runs {@code task} in this context
     */
    public <T> Callable<T> wrap(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        return () -> call(task::call);
    }

    @Override
    public String toString() {
        return "DatasourceContext[level=" + level + ", datasource=" + datasource + "]";
    }
}
