package dev.redlock.core.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.redlock.api.LockAcquisitionException;
import dev.redlock.api.LockAcquisitionException.Reason;
import dev.redlock.api.LockLostException;
import dev.redlock.api.LockReleaseException;
import dev.redlock.api.NodeVote;

/**
 * Every exception the engine throws, with its message code ({@code RL1xxx}). Messages name the keys, the reason in
 * plain words and the nodes involved (as {@code host:port}, never with credentials), each failed node as
 * {@code host:port: <what happened>} in the words of {@link NodeErrors} ({@code 127.0.0.1:6380: connection refused}).
 */
public final class Exceptions {

    /** Not acquired: another owner holds the resource. */
    public static final String HELD = "RL1001";
    /** Not acquired: too many nodes unreachable or not voting. */
    public static final String UNREACHABLE = "RL1002";
    /** Not acquired: a quorum granted, but the validity ran out. */
    public static final String VALIDITY_EXPIRED = "RL1003";
    /** Not acquired: the waiting thread was interrupted. */
    public static final String INTERRUPTED = "RL1004";
    /** Not acquired: the engine was closed while waiting. */
    public static final String CLOSED_WHILE_WAITING = "RL1005";
    /** Lost: an extension could not reach a quorum in time. */
    public static final String LOST = "RL1010";
    /** Not released on enough nodes. */
    public static final String RELEASE_FAILED = "RL1020";
    /** The engine is closed. */
    public static final String CLOSED = "RL1030";
    /** The lock was already released. */
    public static final String RELEASED = "RL1031";
    /** A blocking call on the transport's I/O thread, which would wait for an answer only that thread can read. */
    public static final String ON_IO_THREAD = "RL1032";
    /** Start-up: a node refused the credentials or the TLS handshake. */
    public static final String NODE_REFUSED = "RL1040";

    private Exceptions() {
    }

    /**
     * @param outage the unreachable timeout if the acquisition gave up because of it (the nodes stayed
     *               unreachable that long), or {@code null}
     */
    static LockAcquisitionException notAcquired(String where, List<String> keys, Reason reason, int attempts,
            Duration waited, int quorum, List<NodeVote> votes, @Nullable Throwable cause, @Nullable Duration outage) {
        String code;
        String what;
        switch (reason) {
            case HELD -> {
                code = HELD;
                what = "held by another owner on " + count(votes, NodeVote.Outcome.HELD) + " of " + votes.size()
                        + " nodes (quorum " + quorum + ")";
            }
            case UNREACHABLE -> {
                code = UNREACHABLE;
                what = failed(votes) + " of " + votes.size() + " nodes failed, quorum is " + quorum + "; "
                        + failures(votes) + (outage == null
                                ? ""
                                : "; gave up: no quorum answered for the unreachable timeout " + outage
                                        + " (Redlock.Builder#unreachableTimeout, redlock.unreachable-timeout)")
                        + poolHint(votes, quorum);
            }
            default -> {
                code = VALIDITY_EXPIRED;
                what = "a quorum of " + quorum + " granted it, but too late: the validity ran out before the votes "
                        + "came in (raise the lease time or check node latency)";
            }
        }
        String message = code + ": " + where + keys + ": not acquired after " + attempts
                + (attempts == 1 ? " attempt" : " attempts") + " in " + waited + ": " + what;
        return new LockAcquisitionException(keys, message, cause, reason, attempts, waited, quorum, votes);
    }

    /**
     * When the nodes that got no pooled connection are what kept the quorum out of reach, what that means and the
     * fix; else empty. The client's exception does not say whether the pool was exhausted by the load or the node
     * cannot be connected to (a paused, partitioned or dead node yields it too), so the hint names both.
     */
    static String poolHint(List<NodeVote> votes, int quorum) {
        int none = count(votes, NodeErrors.Kind.POOL_EXHAUSTED);
        if (none == 0 || votes.size() - failed(votes) + none < quorum) {
            return "";
        }
        return "; " + none + " of the failed nodes got " + NodeErrors.Kind.POOL_EXHAUSTED.label() + ". "
                + NodeErrors.POOL_CAUSES;
    }

    static LockAcquisitionException interrupted(String where, List<String> keys, int attempts, Duration waited,
            int quorum, List<NodeVote> votes, Throwable cause) {
        return new LockAcquisitionException(keys,
                INTERRUPTED + ": " + where + keys + ": not acquired: the waiting thread was interrupted", cause,
                Reason.HELD, Math.max(1, attempts), waited, quorum, votes);
    }

    static LockAcquisitionException closedWhileWaiting(String where, List<String> keys, int attempts,
            Duration waited, int quorum, List<NodeVote> votes) {
        return new LockAcquisitionException(keys,
                CLOSED_WHILE_WAITING + ": " + where + keys + ": not acquired: the engine was closed while waiting",
                null, Reason.UNREACHABLE, Math.max(1, attempts), waited, quorum, votes);
    }

    static LockLostException lost(List<String> keys, String why, List<NodeVote> votes, @Nullable Throwable cause) {
        String nodes = votes.isEmpty() ? "" : "; " + describe(votes);
        return new LockLostException(keys, LOST + ": Lock" + keys + ": lost: " + why + nodes
                + "; another owner may hold it now, stop writing", cause);
    }

    static LockReleaseException releaseFailed(List<String> keys, int quorum, List<NodeVote> votes,
            @Nullable Throwable cause) {
        return new LockReleaseException(keys, RELEASE_FAILED + ": Lock" + keys
                + ": release not confirmed by " + failed(votes) + " of " + votes.size() + " nodes (at least " + quorum
                + " must answer): " + failures(votes) + "; the keys there expire with their TTL"
                + poolHint(votes, quorum), cause, votes);
    }

    static IllegalStateException nodesRefused(List<String> problems) {
        return new IllegalStateException(NODE_REFUSED + ": Redlock.Builder#build: " + problems.size()
                + (problems.size() == 1 ? " node" : " nodes") + " refused the connection: " + String.join("; ",
                        problems)
                + ". Fix the user name and password of the node URIs (or Builder.password), or let the client trust"
                + " the server's certificate (Builder.truststore, or Builder.clients with a Redisson Config that sets one)");
    }

    static IllegalStateException closed(String where) {
        return new IllegalStateException(CLOSED + ": " + where + ": the engine is closed");
    }

    static IllegalStateException released(List<String> keys) {
        return new IllegalStateException(RELEASED + ": Lock" + keys + "#extend: the lock was already released");
    }

    private static int count(List<NodeVote> votes, NodeVote.Outcome outcome) {
        int n = 0;
        for (NodeVote v : votes) {
            if (v.outcome() == outcome) {
                n++;
            }
        }
        return n;
    }

    private static int count(List<NodeVote> votes, NodeErrors.Kind kind) {
        int n = 0;
        for (NodeVote v : votes) {
            if (v.outcome() == NodeVote.Outcome.ERROR && v.error() != null && v.error().startsWith(kind.label())) {
                n++;
            }
        }
        return n;
    }

    private static int failed(List<NodeVote> votes) {
        return (int) votes.stream().filter(v -> v.outcome() == NodeVote.Outcome.NOT_VOTING
                || v.outcome() == NodeVote.Outcome.ERROR).count();
    }

    private static String failures(List<NodeVote> votes) {
        List<String> parts = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (NodeVote v : votes) {
            if (v.outcome() == NodeVote.Outcome.PENDING) {
                pending.add(v.node());
            } else if (v.outcome() == NodeVote.Outcome.ERROR) {
                parts.add(v.node() + ": " + v.error());
            } else if (v.outcome() == NodeVote.Outcome.NOT_VOTING) {
                parts.add(v.node() + ": not voting (" + v.error() + ")");
            }
        }
        String failed = parts.isEmpty() ? "no node failed" : "failed: " + String.join(", ", parts);
        // the attempt was decided once a quorum was out of reach; nodes still answering did not fail
        return pending.isEmpty() ? failed : failed + "; no answer yet from " + String.join(", ", pending);
    }

    private static String describe(List<NodeVote> votes) {
        List<String> parts = new ArrayList<>();
        for (NodeVote v : votes) {
            parts.add(v.node() + " " + v.outcome().name().toLowerCase(java.util.Locale.ROOT)
                    + (v.error() == null ? "" : " (" + v.error() + ")"));
        }
        return String.join(", ", parts);
    }

    /**
     * A blocking call ({@code what}) was made on the engine's I/O thread, in a continuation of a stage the engine
     * completed there: it would wait for answers only that thread can read.
     *
     * @param what the call, such as {@code Lock.extend}
     * @return the exception to throw
     */
    static IllegalStateException onIoThread(String what) {
        return new IllegalStateException(ON_IO_THREAD + ": " + what + " blocks, and was called on the engine's I/O"
                + " thread '" + Thread.currentThread().getName() + "' (in a continuation of a stage the engine"
                + " completed): it would wait for answers only this thread reads; use the *Async method and chain on"
                + " it, or continue on an executor of yours (thenApplyAsync(fn, executor), or Builder.executor)");
    }
}
