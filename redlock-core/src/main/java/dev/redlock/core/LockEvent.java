package dev.redlock.core;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.redlock.api.NodeVote;

/**
 * Something that happened to a lock, as a {@link RedlockListener} receives it.
 *
 * @param type         what happened
 * @param keys         the lock's keys
 * @param fencingToken the grant's fencing token, or 0 when there is no grant ({@link Type#NODE_ERROR} during
 *                     an acquisition)
 * @param votes        each node's answer to the operation, in node order
 * @param error        the error, for {@link Type#LOST} and {@link Type#NODE_ERROR}; otherwise {@code null}
 * @since 0.1
 */
public record LockEvent(Type type, List<String> keys, long fencingToken, List<NodeVote> votes,
        @Nullable Throwable error) {

    /**
     * Checks and copies the components.
     *
     * @param type         what happened
     * @param keys         the lock's keys
     * @param fencingToken the grant's fencing token, or 0 when there is no grant
     * @param votes        each node's answer to the operation, in node order
     * @param error        the error, for {@link Type#LOST} and {@link Type#NODE_ERROR}
     * @throws NullPointerException if {@code type}, {@code keys} or {@code votes} is null
     */
    public LockEvent {
        Objects.requireNonNull(type, "type");
        keys = List.copyOf(keys);
        votes = List.copyOf(votes);
    }

    /** What happened. */
    public enum Type {
        /** A lock was granted. */
        ACQUIRED,
        /** A lock was extended. */
        EXTENDED,
        /** A lock was released. */
        RELEASED,
        /** A held lock was lost. */
        LOST,
        /** A node failed to answer an operation (the operation itself may still have succeeded on a quorum). */
        NODE_ERROR
    }
}
