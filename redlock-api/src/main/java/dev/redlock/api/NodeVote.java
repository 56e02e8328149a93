package dev.redlock.api;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How one Redis node answered one attempt of an operation.
 *
 * @param node    the node, as {@code host:port} (never with credentials); never {@code null}
 * @param outcome what the node answered; never {@code null}
 * @param error   the error the node gave, for {@link Outcome#ERROR}; a detail for {@link Outcome#HELD} and
 *                {@link Outcome#NOT_VOTING}; {@code null} for {@link Outcome#PENDING}
 * @since 0.1
 */
public record NodeVote(String node, Outcome outcome, @Nullable String error) {

    /**
     * Checks the components.
     *
     * @param node    the node, as {@code host:port} (never with credentials)
     * @param outcome what the node answered
     * @param error   the error the node gave, for {@link Outcome#ERROR}
     * @throws NullPointerException if {@code node} or {@code outcome} is null
     */
    public NodeVote {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** What a node answered. */
    public enum Outcome {
        /** The node granted the operation. */
        GRANTED,
        /** The node refused: another owner holds the resource there (or, for extend and release, not us). */
        HELD,
        /** The node could not be reached or answered with an error. */
        ERROR,
        /** The node was not asked to vote: it restarted recently and sits out one maximum lease time. */
        NOT_VOTING,
        /**
         * The node had not answered yet when the operation was decided (a grant or an extension completes as soon
         * as a quorum agreed): neither for nor against. It is replaced by the node's answer once that arrives
         * (each answer is bounded by the command timeout).
         *
         * @since 0.2
         */
        PENDING
    }

    /**
     * Whether the node voted for the operation.
     *
     * @return {@code true} for {@link Outcome#GRANTED}
     */
    public boolean granted() {
        return outcome == Outcome.GRANTED;
    }
}
