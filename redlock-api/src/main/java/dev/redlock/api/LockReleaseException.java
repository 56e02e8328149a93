package dev.redlock.api;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A release could not be confirmed by a quorum of nodes: too many were unreachable or answered with an error, so
 * the key may stay there until its TTL ends (the engine keeps retrying them in the background for a while). A
 * minority of failing nodes, and nodes that simply no longer held the lock (it had expired), do not cause this
 * exception.
 *
 * @since 0.1
 */
public final class LockReleaseException extends RedlockException {

    private static final long serialVersionUID = 1L;

    private final transient List<NodeVote> votes;

    /**
     * Creates the exception; the engine's exception factory builds the message.
     *
     * @param keys    the keys being released
     * @param message the message, naming the nodes that failed
     * @param cause   the first node error, if any
     * @param votes   each node's answer to the release
     */
    public LockReleaseException(List<String> keys, String message, @Nullable Throwable cause, List<NodeVote> votes) {
        super(keys, message, cause);
        this.votes = List.copyOf(votes);
    }

    /**
     * Each node's answer to the release, in node order.
     *
     * @return the votes; empty after deserialization
     */
    public List<NodeVote> votes() {
        return votes == null ? List.of() : votes;
    }
}
