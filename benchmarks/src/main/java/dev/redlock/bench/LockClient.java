package dev.redlock.bench;

import java.time.Duration;

/**
 * The adapter every Java implementation under test is driven through: one instance owns its own connections.
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

    /** Closes the connections. */
    @Override
    void close();
}
