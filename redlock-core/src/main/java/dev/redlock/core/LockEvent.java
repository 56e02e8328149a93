package dev.redlock.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.redlock.api.NodeVote;

/**
 * Something that happened to a lock, as a {@link RedlockListener} receives it. Events of one acquisition and of
 * the lock it granted share a {@code lockId} ({@link Lock#id()}), so a listener can follow one session from its
 * first node error to its release.
 *
 * @param type            what happened
 * @param lockId          the id of the lock (or of the acquisition that was to grant it): 16 hex digits, random
 * @param keys            the lock's keys
 * @param fencingToken the grant's fencing token, or 0 when there is no grant ({@link Type#NODE_ERROR} during
 *                     an acquisition)
 * @param votes        each node's answer to the operation, in node order
 * @param validUntilNanos the lock's end of validity on the {@link System#nanoTime()} clock as of this event: for
 *                     {@link Type#ACQUIRED} the grant's, for {@link Type#EXTENDED} the new one, for
 *                     {@link Type#LOST} and {@link Type#RELEASED} the last one it had; 0 for a
 *                     {@link Type#NODE_ERROR} during an acquisition (there is no lock yet). See
 *                     {@link Lock#validUntilNanos()}
 * @param elapsed      how long what this event ends took: for {@link Type#ACQUIRED} and
 *                     {@link Type#ACQUISITION_FAILED} the time since the acquisition started (the wait), for the
 *                     other types the time since the grant (the hold time so far); for a {@link Type#NODE_ERROR}
 *                     during an acquisition, the time since it started
 * @param error        the error, for {@link Type#LOST}, {@link Type#NODE_ERROR}, {@link Type#EXTENSION_FAILED}
 *                     (the first node error, or {@code null} when the nodes answered but no quorum extended) and
 *                     {@link Type#ACQUISITION_FAILED} (the {@link dev.redlock.api.LockAcquisitionException}, whose
 *                     {@link dev.redlock.api.LockAcquisitionException#reason() reason} says why); otherwise
 *                     {@code null}
 * @since 0.1
 */
public record LockEvent(Type type, String lockId, List<String> keys, long fencingToken, List<NodeVote> votes,
        long validUntilNanos, Duration elapsed, @Nullable Throwable error) {

    /**
     * Checks and copies the components.
     *
     * @param type            what happened
     * @param lockId          the id of the lock or of the acquisition
     * @param keys            the lock's keys
     * @param fencingToken    the grant's fencing token, or 0 when there is no grant
     * @param votes           each node's answer to the operation, in node order
     * @param validUntilNanos the lock's end of validity on the {@link System#nanoTime()} clock, or 0
     * @param elapsed         the wait (acquisition events) or the hold time so far (the others)
     * @param error           the error, for the types that carry one
     * @throws NullPointerException if {@code type}, {@code lockId}, {@code keys}, {@code votes} or
     *                              {@code elapsed} is null
     */
    public LockEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(lockId, "lockId");
        Objects.requireNonNull(elapsed, "elapsed");
        keys = List.copyOf(keys);
        votes = List.copyOf(votes);
    }

    /** What happened. */
    public enum Type {
        /**
         * A lock was granted. Fired once every node has answered the acquisition, so that {@link LockEvent#votes()}
         * holds every node's final answer: the caller may have the lock (a quorum granted) before this event, and
         * for a short lock a listener can receive its {@link #RELEASED} first. Order events of one lock by what they
         * say, not by arrival (the CDI layer's {@code RedlockEvent} fires its ACQUIRED when the locked function starts,
         * so its observers always see it before RELEASED).
         */
        ACQUIRED,
        /** A lock was extended; {@link LockEvent#validUntilNanos()} is its new end of validity. */
        EXTENDED,
        /**
         * An extension did not reach a quorum in time; the lock stays valid until {@link LockEvent#validUntilNanos()}
         * and the watchdog tries again while validity is left, so a {@link #LOST} follows only if none succeeds.
         */
        EXTENSION_FAILED,
        /** A lock was released. */
        RELEASED,
        /** A held lock was lost. */
        LOST,
        /**
         * An acquisition ended without a lock: it gave up, timed out, was interrupted or the engine closed. The
         * {@link LockEvent#error()} is the {@link dev.redlock.api.LockAcquisitionException} the caller receives
         * ({@link Redlock#tryAcquire} returns empty instead). {@link LockEvent#fencingToken()} is 0.
         */
        ACQUISITION_FAILED,
        /** A node failed to answer an operation (the operation itself may still have succeeded on a quorum). */
        NODE_ERROR
    }
}
