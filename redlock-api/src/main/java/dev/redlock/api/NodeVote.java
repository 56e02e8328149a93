package dev.redlock.api;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How one Redis node answered one attempt of an operation.
 *
 * @param node    the node, as {@code host:port} (never with credentials); never {@code null}
 * @param outcome what the node answered; never {@code null}
 * @param error   the error the node gave, for {@link Outcome#ERROR}; otherwise {@code null}
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
        /** The node was not asked to vote: it restarted recently and sits out one maximum TTL. */
        NOT_VOTING
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
