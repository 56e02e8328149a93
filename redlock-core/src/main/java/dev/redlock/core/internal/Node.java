package dev.redlock.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisNoScriptException;
import org.redisson.client.codec.StringCodec;

/**
 * One independent Redis deployment: its client, its name for votes and messages, its restart state. Scripts are
 * called by SHA (computed locally); a {@code NOSCRIPT} answer loads the script and calls it again once, so a node
 * that restarted with an empty script cache recovers on the first call.
 */
final class Node {

    /** The scripts, in the order of {@link #shas}. */
    enum Script {
        ACQUIRE(Scripts.ACQUIRE, RScript.ReturnType.LIST), EXTEND(Scripts.EXTEND, RScript.ReturnType.LONG), RELEASE(
                Scripts.RELEASE, RScript.ReturnType.LONG), DEQUEUE(Scripts.DEQUEUE,
                        RScript.ReturnType.LONG), PEEK(Scripts.PEEK, RScript.ReturnType.LIST);

        final String source;
        final String sha;
        final RScript.ReturnType returnType;

        Script(String source, RScript.ReturnType returnType) {
            this.source = source;
            this.sha = sha1(source);
            this.returnType = returnType;
        }
    }

    final int index;
    final String name;
    final RedissonClient client;
    final boolean owned;
    final boolean cluster;
    private final RScript script;
    private final long timeoutMillis;

    /** The epoch marker id last seen on this node; "" before the first contact. */
    volatile String epoch = "";
    /** Until when (System.nanoTime) this node does not vote, after it was found restarted. */
    private volatile long notVotingUntilNanos;

    Node(int index, String name, RedissonClient client, boolean owned, long timeoutMillis) {
        this.index = index;
        this.name = name;
        this.client = client;
        this.owned = owned;
        this.cluster = client.getConfig().isClusterConfig();
        this.script = client.getScript(StringCodec.INSTANCE);
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
                return script.scriptLoadAsync(s.source).thenCompose(sha -> this.<R>evalSha(s, keys, args));
            }
            return CompletableFuture.failedFuture(cause);
        });
        return owned ? f : Timeouts.bound(f, timeoutMillis);
    }

    private <R> CompletableFuture<R> evalSha(Script s, List<Object> keys, Object... args) {
        return script.<R>evalShaAsync(RScript.Mode.READ_WRITE, s.sha, s.returnType, keys, args).toCompletableFuture();
    }

    /**
     * Sends {@code PING} as a one-line script, so that it takes the connections and routing the lock scripts take,
     * bounded by the command timeout.
     *
     * @return completes when the node answered; exceptionally with the client's exception or a timeout
     */
    CompletableFuture<Object> ping() {
        CompletableFuture<Object> f;
        try {
            f = script.<Object>evalAsync(RScript.Mode.READ_ONLY, "return redis.call('PING')",
                    RScript.ReturnType.VALUE).toCompletableFuture();
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        return Timeouts.bound(f, timeoutMillis);
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
