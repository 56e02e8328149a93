package dev.redlock.core.internal;

import java.util.concurrent.atomic.LongAdder;

/**
 * JVM-wide counters of every engine's acquire scripts, for the benchmarks (not API; this package is not exported):
 * how many acquire scripts went out, how many a node refused because the resource was held, and how many grants
 * they produced. Failed scripts per grant is the cost of contention: a herd of waiters woken by one release shows
 * here as several refusals for each grant.
 */
public final class EngineCounters {

    static final LongAdder ACQUIRE_SCRIPTS = new LongAdder();
    static final LongAdder HELD_REPLIES = new LongAdder();
    static final LongAdder GRANTS = new LongAdder();

    private EngineCounters() {
    }

    /**
     * Acquire scripts sent, on every node, by every engine of this JVM.
     *
     * @return the count since the JVM started
     */
    public static long acquireScripts() {
        return ACQUIRE_SCRIPTS.sum();
    }

    /**
     * Acquire scripts a node answered with "held" (the resource had another owner or a FIFO waiter ahead).
     *
     * @return the count since the JVM started
     */
    public static long failedAcquireScripts() {
        return HELD_REPLIES.sum();
    }

    /**
     * Grants (acquisitions that reached a quorum in time).
     *
     * @return the count since the JVM started
     */
    public static long grants() {
        return GRANTS.sum();
    }
}
