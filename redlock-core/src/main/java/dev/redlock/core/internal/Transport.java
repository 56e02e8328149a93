package dev.redlock.core.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.redisson.client.RedisClient;
import org.redisson.client.RedisClientConfig;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.resolver.DefaultAddressResolverGroup;

/**
 * The event loop every engine of the JVM shares for the nodes it was given as URIs: one small group of I/O threads
 * (system property {@value #THREADS_PROPERTY}, default {@value #DEFAULT_THREADS}), created by the first engine and
 * shut down when the last one closes (reference-counted). Each node's {@link RedisClient} (Redisson's protocol
 * layer: RESP, TLS, AUTH with ACL users, SELECT, reconnection) runs on it, with the engine's timer wheel for its
 * timeouts and the loop itself as the executor of its connection callbacks, so a node costs no thread of its own.
 *
 * <p>Why shared: a Redisson client per node wakes its own I/O and executor threads for every command, so a vote on
 * five nodes woke about 33 threads on two cores (docs/benchmarks.md, "Where the time went"). On one loop, a vote is
 * one write per node and the replies complete the caller's future on the loop thread.
 */
final class Transport {

    /** The system property that sets the number of I/O threads. */
    static final String THREADS_PROPERTY = "dev.redlock.transport.threads";
    static final int DEFAULT_THREADS = 1;

    private static Transport shared;

    private final EventLoopGroup group;
    private int references;

    private Transport(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory f = r -> {
            Thread t = new IoThread(r, "redlock-io-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.group = new MultiThreadIoEventLoopGroup(threads, f, NioIoHandler.newFactory());
    }

    /** The transport's I/O threads: a blocking call on one of them would wait for answers only it can read. */
    private static final class IoThread extends Thread {

        IoThread(Runnable r, String name) {
            super(r, name);
        }
    }

    /**
     * Fails a blocking call made on an I/O thread, instead of letting it wait for the command timeout (or forever).
     *
     * @param what the call, for the message
     * @throws IllegalStateException on an I/O thread
     */
    static void checkNotIoThread(String what) {
        if (Thread.currentThread() instanceof IoThread) {
            throw Exceptions.onIoThread(what);
        }
    }

    /** The shared transport, created if no engine holds it; every call must be matched by {@link #release}. */
    static synchronized Transport acquire() {
        if (shared == null) {
            shared = new Transport(threads());
        }
        shared.references++;
        return shared;
    }

    private static int threads() {
        String v = System.getProperty(THREADS_PROPERTY);
        if (v == null || v.isBlank()) {
            return DEFAULT_THREADS;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1 && n <= 64) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new IllegalArgumentException(THREADS_PROPERTY + " must be a number of threads from 1 to 64, was '" + v
                + "'; unset it for the default of " + DEFAULT_THREADS);
    }

    /** An engine let go; the last one shuts the loop down (without a quiet period: nothing is in flight). */
    void release() {
        synchronized (Transport.class) {
            if (--references == 0) {
                if (shared == this) {
                    shared = null;
                }
                group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            }
        }
    }

    /** How many engines hold the transport now (for tests). */
    static synchronized int holders() {
        return shared == null ? 0 : shared.references;
    }

    /** A client of one node on the shared loop, timer and resolver. */
    RedisClient client(RedisClientConfig config) {
        config.setGroup(group).setExecutor(group).setTimer(Timeouts.WHEEL)
                .setResolverGroup(DefaultAddressResolverGroup.INSTANCE);
        return RedisClient.create(config);
    }
}
