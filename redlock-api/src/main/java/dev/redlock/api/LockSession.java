package dev.redlock.api;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A granted lock as seen by the code that holds it: its keys, its fencing token, how long it is still valid, and
 * whether it has been lost.
 *
 * <p>A lock is <em>lost</em> when an extension could not reach a quorum of nodes before its validity ended. From
 * then on another owner may hold the resource; the holder must stop writing. The library never lets a lost lock
 * pass silently: {@link #lost()} completes, listeners are told, and the locked call ends in
 * {@link LockLostException}.
 *
 * <p>Implementations are thread-safe: the session may be read from any thread while the lock is held.
 *
 * @since 0.1
 */
public interface LockSession {

    /**
     * The Redis keys held, in the order they were requested.
     *
     * @return the keys; never empty
     */
    List<String> keys();

    /**
     * The fencing token of this grant: strictly greater than the token of every earlier grant of the same
     * resource. Pass it to the storage you write to so it can reject a stale holder.
     *
     * @return the fencing token; positive
     */
    long fencingToken();

    /**
     * How long the lock stays valid without a further extension, measured from now on the local monotonic clock,
     * minus the clock-drift margin.
     *
     * @return the remaining validity; {@link Duration#ZERO} once expired, released or lost
     */
    Duration remainingValidity();

    /**
     * Whether the lock has been lost.
     *
     * @return {@code true} once lost; never goes back to {@code false}
     */
    boolean isLost();

    /**
     * Throws if the lock has been lost; a cheap check to put before a write.
     *
     * @throws LockLostException if the lock has been lost
     */
    void throwIfLost();

    /**
     * A stage that completes, with the cause, when the lock is lost. It never completes if the lock is released
     * normally. The Java counterpart of the abort signal of node-redlock's {@code using}.
     *
     * @return the loss signal; never {@code null}
     */
    CompletionStage<LockLostException> lost();
}
