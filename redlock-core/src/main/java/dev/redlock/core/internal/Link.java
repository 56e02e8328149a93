package dev.redlock.core.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * How the engine talks to one node: a script by SHA, a script load, a key scan, release-channel subscriptions.
 * Two ways: {@link ConnectionLink}, the engine's own transport (one pipelined connection per node on the event loop
 * all engines of the JVM share), for nodes given as URIs; and {@link ClientLink}, a Redisson client the application
 * handed over ({@code Builder.clients}), for Sentinel and Cluster deployments and clients configured elsewhere.
 */
interface Link {

    /**
     * Calls a script by its SHA.
     *
     * @return the reply; fails with the client's exception ({@code NOSCRIPT} included, {@link Node} reloads)
     */
    <R> CompletableFuture<R> evalSha(Node.Script script, List<Object> keys, Object[] args);

    /** Loads a script; completes with its SHA. */
    CompletableFuture<String> scriptLoad(String source);

    /** The keys matching {@code pattern} (a scan, never {@code KEYS}); blocks; throws if the node fails. */
    List<String> keys(String pattern);

    /**
     * Subscribes to {@code channel}; {@code onMessage} gets every message (on an I/O thread: it must not block).
     *
     * @return completes, when the subscription is active, with the action that removes it; fails if it cannot be
     *         made
     */
    CompletableFuture<Runnable> listen(String channel, Consumer<String> onMessage);

    /** Whether the node is a Redis Cluster deployment (no epoch marker: it cannot share a slot with every key). */
    boolean cluster();

    /** Whether the engine bounds the answers itself: a handed-over client may retry or wait longer. */
    boolean needsBound();

    /** Closes what the engine created for this node (nothing for a handed-over client). */
    void close(long timeoutMillis);
}
