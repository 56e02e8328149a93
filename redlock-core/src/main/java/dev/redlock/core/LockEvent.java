package dev.redlock.core;

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
 * @param error        the error, for {@link Type#LOST} and {@link Type#NODE_ERROR}; otherwise {@code null}
 * @since 0.1
 */
public record LockEvent(Type type, String lockId, List<String> keys, long fencingToken, List<NodeVote> votes,
        long validUntilNanos, @Nullable Throwable error) {

    /**
     * Checks and copies the components.
     *
     * @param type            what happened
     * @param lockId          the id of the lock or of the acquisition
     * @param keys            the lock's keys
     * @param fencingToken    the grant's fencing token, or 0 when there is no grant
     * @param votes           each node's answer to the operation, in node order
     * @param validUntilNanos the lock's end of validity on the {@link System#nanoTime()} clock, or 0
     * @param error           the error, for {@link Type#LOST} and {@link Type#NODE_ERROR}
     * @throws NullPointerException if {@code type}, {@code lockId}, {@code keys} or {@code votes} is null
     */
    public LockEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(lockId, "lockId");
        keys = List.copyOf(keys);
        votes = List.copyOf(votes);
    }

    /** What happened. */
    public enum Type {
        /** A lock was granted. */
        ACQUIRED,
        /** A lock was extended; {@link LockEvent#validUntilNanos()} is its new end of validity. */
        EXTENDED,
        /** A lock was released. */
        RELEASED,
        /** A held lock was lost. */
        LOST,
        /** A node failed to answer an operation (the operation itself may still have succeeded on a quorum). */
        NODE_ERROR
    }
}
