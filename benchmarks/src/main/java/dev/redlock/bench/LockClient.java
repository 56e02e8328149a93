package dev.redlock.bench;

import java.time.Duration;

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

    /** Closes the connections. */
    @Override
    void close();
}
