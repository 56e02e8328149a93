package dev.redlock.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.redisson.client.RedisNoScriptException;

/**
 * One independent Redis deployment: its {@link Link}, its name for votes and messages, its restart state. Scripts are
 * called by SHA (computed locally); a {@code NOSCRIPT} answer loads the script and calls it again once, so a node
 * that restarted with an empty script cache recovers on the first call.
 */
final class Node {

    /** The scripts, in the order of {@link #shas}. */
    enum Script {
        ACQUIRE(Scripts.ACQUIRE, true), EXTEND(Scripts.EXTEND, false), RELEASE(Scripts.RELEASE, false), DEQUEUE(Scripts.DEQUEUE,
                false), PEEK(Scripts.PEEK, true), PING(Scripts.PING, false);

        final String source;
        final String sha;
        /** Whether the reply is a list (else a number). */
        final boolean list;

        Script(String source, boolean list) {
            this.source = source;
            this.sha = sha1(source);
            this.list = list;
        }
    }

    final int index;
    final String name;
    final Link link;
    final boolean cluster;
    private final long timeoutMillis;

    /** The epoch marker id last seen on this node; "" before the first contact. */
    volatile String epoch = "";
    /** Until when (System.nanoTime) this node does not vote, after it was found restarted. */
    private volatile long notVotingUntilNanos;

    Node(int index, String name, Link link, long timeoutMillis) {
        this.index = index;
        this.name = name;
        this.link = link;
        this.cluster = link.cluster();
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Calls {@code s} by SHA, loading it on {@code NOSCRIPT}.
     *
     * @return the reply; completes exceptionally with the client's exception (unwrapped)
     */
    <R> CompletableFuture<R> eval(Script s, List<Object> keys, Object... args) {
        CompletableFuture<R> first;
        try {
            first = this.<R>evalSha(s, keys, args);
        } catch (RuntimeException e) {
            // a client that throws instead of failing its future (shut down, rejected) still gets a vote
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<R> f = first.exceptionallyCompose(e -> {
            Throwable cause = unwrap(e);
            if (cause instanceof RedisNoScriptException
                    || cause.getMessage() != null && cause.getMessage().startsWith("NOSCRIPT")) {
                return link.scriptLoad(s.source).thenCompose(sha -> this.<R>evalSha(s, keys, args));
            }
            return CompletableFuture.failedFuture(cause);
        });
        return link.needsBound() ? Timeouts.bound(f, timeoutMillis) : f;
    }

    private <R> CompletableFuture<R> evalSha(Script s, List<Object> keys, Object... args) {
        return link.evalSha(s, keys, args);
    }

    /**
     * Sends {@code PING} as a one-line script, so that it takes the connections and routing the lock scripts take,
     * bounded by the command timeout.
     *
     * @return completes when the node answered; exceptionally with the client's exception or a timeout
     */
    CompletableFuture<Object> ping() {
        return eval(Script.PING, List.of()); // bounded like every script: by the transport or by eval
    }

    /** The node was found restarted or flushed: it does not vote for {@code millis} from now. */
    void sitOut(long millis) {
        notVotingUntilNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    /** Whether the node votes at {@code now} (System.nanoTime), that is, sits out no restart quarantine. */
    boolean voting(long now) {
        long until = notVotingUntilNanos;
        return until == 0 || now - until >= 0;
    }

    private static final String[] SMALL_NUMBERS = new String[64];

    static {
        for (int i = 0; i < SMALL_NUMBERS.length; i++) {
            SMALL_NUMBERS[i] = Integer.toString(i);
        }
    }

    /** {@code v} as a script argument; the small counts and flags every call sends are not allocated anew. */
    static String arg(long v) {
        return v >= 0 && v < SMALL_NUMBERS.length ? SMALL_NUMBERS[(int) v] : Long.toString(v);
    }

    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String sha1(String source) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(md.digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
