package dev.redlock.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

import dev.redlock.api.NodeVote;

/**
 * The tally of one operation on every node (an acquire attempt, an extension, a release): each node's outcome, the
 * counts for, against and pending, and whether the outcome is decided. The three operations count the same way, so
 * a change to the quorum rule is made here once.
 *
 * <p>A ballot is decided the first time a quorum granted, or the first time a quorum can no longer grant (the
 * grants so far plus the nodes still pending are fewer than the quorum). A node that answered "held" counts
 * neither for nor as failed; an error or a node that sits out counts as failed. Thread-safe: node answers arrive on
 * the clients' I/O threads.
 */
final class Ballot {

    private final List<String> nodes;
    private final int quorum;
    private final @Nullable NodeVote[] votes;
    private final @Nullable Throwable[] errors;
    private final boolean[] granted;
    private final long[] values;
    private int answered;
    private int grantedCount;
    private int failedCount;
    private boolean decided;

    /**
     * @param nodes  the node names, in node order
     * @param quorum votes needed for a grant
     */
    Ballot(List<String> nodes, int quorum) {
        this.nodes = nodes;
        this.quorum = quorum;
        int n = nodes.size();
        this.votes = new NodeVote[n];
        this.errors = new Throwable[n];
        this.granted = new boolean[n];
        this.values = new long[n];
    }

    /**
     * Node {@code i} granted, answering {@code value} (the acquire script's fence; 0 where there is none).
     *
     * @return whether this answer decided the ballot
     */
    synchronized boolean granted(int i, long value) {
        granted[i] = true;
        values[i] = value;
        grantedCount++;
        return record(i, new NodeVote(nodes.get(i), NodeVote.Outcome.GRANTED, null));
    }

    /**
     * Node {@code i} refused: another owner holds the key there (or, for extend and release, not us).
     *
     * @param detail shown in the vote, or {@code null}
     * @return whether this answer decided the ballot
     */
    synchronized boolean held(int i, @Nullable String detail) {
        return record(i, new NodeVote(nodes.get(i), NodeVote.Outcome.HELD, detail));
    }

    /**
     * Node {@code i} failed with {@code error} (unreachable, timed out, an error reply).
     *
     * @return whether this answer decided the ballot
     */
    synchronized boolean failed(int i, Throwable error) {
        Throwable t = Node.unwrap(error);
        errors[i] = t;
        failedCount++;
        return record(i, new NodeVote(nodes.get(i), NodeVote.Outcome.ERROR, NodeErrors.describe(t)));
    }

    /**
     * Node {@code i} does not vote (it restarted recently).
     *
     * @return whether this answer decided the ballot
     */
    synchronized boolean notVoting(int i, String detail) {
        failedCount++;
        return record(i, new NodeVote(nodes.get(i), NodeVote.Outcome.NOT_VOTING, detail));
    }

    private boolean record(int i, NodeVote vote) {
        if (votes[i] != null) {
            throw new IllegalStateException("node " + nodes.get(i) + " voted twice: " + votes[i] + ", " + vote);
        }
        votes[i] = vote;
        answered++;
        if (decided) {
            return false;
        }
        decided = grantedCount >= quorum || grantedCount + pending() < quorum;
        return decided;
    }

    /** Whether a quorum granted or can no longer grant. */
    synchronized boolean isDecided() {
        return decided;
    }

    /** Whether a quorum granted. */
    synchronized boolean quorumGranted() {
        return grantedCount >= quorum;
    }

    /** Whether every node has answered. */
    synchronized boolean allAnswered() {
        return answered == nodes.size();
    }

    /** How many nodes granted. */
    synchronized int grantedCount() {
        return grantedCount;
    }

    /** How many nodes failed or sit out. */
    synchronized int failedCount() {
        return failedCount;
    }

    /** How many nodes have not answered yet. */
    synchronized int pending() {
        return nodes.size() - answered;
    }

    /** Whether more nodes failed than a quorum can spare. */
    synchronized boolean tooManyFailed() {
        return failedCount > nodes.size() - quorum;
    }

    /** Whether node {@code i} granted. */
    synchronized boolean isGranted(int i) {
        return granted[i];
    }

    /** Whether node {@code i} failed with an error. */
    synchronized boolean isFailed(int i) {
        return errors[i] != null;
    }

    /** Whether node {@code i} granted or failed: it may hold the key, so a failed operation releases it there. */
    synchronized boolean mayHold(int i) {
        return granted[i] || errors[i] != null;
    }

    /** The largest value of the granting nodes (the grant's fencing token). */
    synchronized long maxGrantedValue() {
        long max = 0;
        for (int i = 0; i < granted.length; i++) {
            if (granted[i]) {
                max = Math.max(max, values[i]);
            }
        }
        return max;
    }

    /** The first node error in node order, or {@code null}. */
    synchronized @Nullable Throwable firstError() {
        for (Throwable t : errors) {
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** The votes in node order; a node that has not answered yet shows as {@link NodeVote.Outcome#PENDING}. */
    synchronized List<NodeVote> votes() {
        List<NodeVote> out = new ArrayList<>(votes.length);
        for (int i = 0; i < votes.length; i++) {
            NodeVote v = votes[i];
            out.add(v != null ? v : new NodeVote(nodes.get(i), NodeVote.Outcome.PENDING, null));
        }
        return out;
    }

    /** Whether a quorum of nodes answered, granting or refusing (not failing): only then is "held" the reason. */
    synchronized boolean quorumAnswered() {
        return answered - failedCount >= quorum;
    }

    /** Calls {@code action} with the vote and the error of each node that failed so far. */
    void forEachError(BiConsumer<NodeVote, Throwable> action) {
        List<NodeVote> vs = new ArrayList<>();
        List<Throwable> es = new ArrayList<>();
        synchronized (this) {
            for (int i = 0; i < errors.length; i++) {
                Throwable t = errors[i];
                NodeVote v = votes[i];
                if (t != null && v != null) {
                    vs.add(v);
                    es.add(t);
                }
            }
        }
        for (int i = 0; i < vs.size(); i++) {
            action.accept(vs.get(i), es.get(i));
        }
    }

    @Override
    public synchronized String toString() {
        return "Ballot" + votes();
    }
}
