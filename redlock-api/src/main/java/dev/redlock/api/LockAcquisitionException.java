package dev.redlock.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A lock could not be acquired within the wait time or the allowed number of attempts.
 *
 * <p>It says why, plainly: the resource was {@linkplain Reason#HELD held by another owner}, too many nodes were
 * {@linkplain Reason#UNREACHABLE unreachable}, or the votes came too slowly and the
 * {@linkplain Reason#VALIDITY_EXPIRED validity ran out}. {@link #votes()} carries the last attempt's answer from
 * every node.
 *
 * @since 0.1
 */
public final class LockAcquisitionException extends RedlockException {

    private static final long serialVersionUID = 1L;

    /** Why the last attempt failed. */
    private final Reason reason;
    /** How many attempts were made. */
    private final int attempts;
    /** How long the caller waited. */
    private final Duration waited;
    /** How many votes a grant needed. */
    private final int quorum;
    private final transient List<NodeVote> votes;

    /**
     * Creates the exception; the engine's exception factory builds the message.
     *
     * @param keys     the requested keys
     * @param message  the message, naming the reason and the nodes
     * @param cause    the last node error, if any
     * @param reason   why the last attempt failed; must not be {@code null}
     * @param attempts how many attempts were made; at least 1
     * @param waited   how long the caller waited; must not be {@code null}
     * @param quorum   how many votes a grant needed
     * @param votes    the last attempt's vote of each node
     */
    public LockAcquisitionException(List<String> keys, String message, @Nullable Throwable cause, Reason reason,
            int attempts, Duration waited, int quorum, List<NodeVote> votes) {
        super(keys, message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.attempts = attempts;
        this.waited = Objects.requireNonNull(waited, "waited");
        this.quorum = quorum;
        this.votes = List.copyOf(votes);
    }

    /** Why an acquisition failed. */
    public enum Reason {
        /** A quorum of nodes was reachable, but another owner held the resource on too many of them. */
        HELD,
        /** Too many nodes could not be reached (or were not voting) to form a quorum. */
        UNREACHABLE,
        /** A quorum granted the lock, but too late: the remaining validity was not positive. */
        VALIDITY_EXPIRED
    }

    /**
     * Why the last attempt failed.
     *
     * @return the reason; never {@code null}
     */
    public Reason reason() {
        return reason;
    }

    /**
     * How many attempts were made.
     *
     * @return at least 1
     */
    public int attempts() {
        return attempts;
    }

    /**
     * How long the caller waited, from the first attempt to giving up.
     *
     * @return the time waited; never {@code null}
     */
    public Duration waited() {
        return waited;
    }

    /**
     * How many votes a grant needed: {@code N/2 + 1} of N nodes.
     *
     * @return the quorum
     */
    public int quorum() {
        return quorum;
    }

    /**
     * The last attempt's vote of each node, in node order.
     *
     * @return the votes; empty after deserialization
     */
    public List<NodeVote> votes() {
        return votes == null ? List.of() : votes;
    }
}
