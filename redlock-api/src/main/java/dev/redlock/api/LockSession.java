package dev.redlock.api;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A granted lock as seen by the code that holds it: its keys, its fencing token, how long it is still valid, and
 * whether it has been lost.
 *
 * <p>A lock is <em>lost</em> when its validity ends before it was released: whether it is extended automatically,
 * by hand or not at all, and whether an extension failed or none was tried. Its validity is measured on the local
 * monotonic clock, as {@link #remainingValidity()} reports it. From then on another owner may hold the resource; the
 * holder must stop writing. The library never lets a lost lock pass silently: {@link #lost()} completes at the end
 * of the validity even if nobody asks, listeners are told, {@link #isLost()} and {@link #throwIfLost()} say so, and
 * the locked call ends in {@link LockLostException}.
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
     * Whether the lock has been lost: an extension was refused, or its validity has run out (then
     * {@link #remainingValidity()} is zero).
     *
     * @return {@code true} once lost; never goes back to {@code false}
     */
    boolean isLost();

    /**
     * Throws if the lock has been lost; a cheap check to put before a write (it reads the monotonic clock, no
     * node). A lease whose validity has run out is lost here even if no timer has told it yet.
     *
     * @throws LockLostException if the lock has been lost or its validity has run out
     */
    void throwIfLost();

    /**
     * A stage that completes, with the cause, when the lock is lost: at the latest when its validity ends (a timer
     * of the engine fires then). It never completes if the lock is released before. The Java counterpart of the abort signal of node-redlock's {@code using}.
     *
     * @return the loss signal; never {@code null}
     */
    CompletionStage<LockLostException> lost();
}
