package dev.redlock.bench;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The adapter every Java implementation under test is driven through: one instance owns its own connections. A
 * callback-only implementation overrides {@link #locked} and throws {@link UnsupportedOperationException} from
 * {@link #acquire} and {@link #release}.
 *
 * <p>Some implementations bind a lock to the acquiring thread (Redisson): the workloads therefore always release a
 * handle on the thread that acquired it.
 *
 * @param <H> the handle of a granted lock
 */
interface LockClient<H> extends AutoCloseable {

    /**
     * Blocks until the lock on {@code resource} is granted.
     *
     * @param resource the resource name; distinct per call in the uncontended workloads
     * @param ttl      the time to live of the grant
     * @return the handle to release
     * @throws Exception whatever the implementation throws
     */
    H acquire(String resource, Duration ttl) throws Exception;

    /**
     * Releases a lock granted by {@link #acquire}, on the thread that acquired it.
     *
     * @param handle the handle
     * @throws Exception whatever the implementation throws
     */
    void release(H handle) throws Exception;

    /**
     * Runs {@code body} while holding the lock on {@code resource}: {@link #acquire}, then {@link #release} on the
     * same thread. The workloads go through this method, so that an implementation with only a callback API (the
     * CDI meta bean, the engine's {@code using}) runs the same workloads.
     *
     * @param resource the resource name
     * @param ttl      the time to live of the grant
     * @param body     what runs under the lock
     * @throws Exception whatever the implementation throws
     */
    default void locked(String resource, Duration ttl, Runnable body) throws Exception {
        H handle = acquire(resource, ttl);
        try {
            body.run();
        } finally {
            release(handle);
        }
    }

    /**
     * Acquires without blocking (W2a). Implementations without an asynchronous API keep this default.
     *
     * @param resource the resource name
     * @param ttl      the time to live of the grant
     * @return completes with the handle to release
     */
    default CompletionStage<H> acquireAsync(String resource, Duration ttl) {
        throw new UnsupportedOperationException("no asynchronous API");
    }

    /**
     * Releases without blocking a lock granted by {@link #acquireAsync}.
     *
     * @param handle the handle
     * @return completes when released
     */
    default CompletionStage<?> releaseAsync(H handle) {
        throw new UnsupportedOperationException("no asynchronous API");
    }

    /** Closes the connections. */
    @Override
    void close();
}
