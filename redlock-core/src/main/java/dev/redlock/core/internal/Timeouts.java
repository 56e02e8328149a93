package dev.redlock.core.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;

/**
 * Bounds a node's answer in time when the engine does not own the node's client (a Redisson client handed to
 * {@code Builder.clients(..)} may retry or wait longer than the engine's command timeout).
 *
 * <p>{@link CompletableFuture#orTimeout} did this first, and cost two thread wake-ups per command: it schedules on
 * a {@code ScheduledThreadPoolExecutor}, whose thread is signalled whenever a new task becomes the earliest, and
 * cancelled again at once. A hashed wheel (Netty's, already on the class path through Redisson) only enqueues;
 * its one daemon thread ticks every {@value #TICK_MILLIS} ms, so a timeout fires up to one tick late, which is
 * nothing next to a command timeout of a second. One wheel serves every engine of the JVM.
 */
final class Timeouts {

    static final long TICK_MILLIS = 10;
    static final HashedWheelTimer WHEEL = new HashedWheelTimer(r -> {
        Thread t = new Thread(r, "redlock-timeouts");
        t.setDaemon(true);
        return t;
    }, TICK_MILLIS, TimeUnit.MILLISECONDS, 512);

    private Timeouts() {
    }

    /**
     * {@code f}, failed with a {@link TimeoutException} if it has not completed within {@code millis}.
     *
     * @param f      the future; completed by the caller's client
     * @param millis the bound
     * @return {@code f} itself
     */
    static <T> CompletableFuture<T> bound(CompletableFuture<T> f, long millis) {
        if (f.isDone()) {
            return f;
        }
        Timeout t = WHEEL.newTimeout(x -> f.completeExceptionally(
                new TimeoutException("no answer within the command timeout of " + millis + " ms")), millis,
                TimeUnit.MILLISECONDS);
        f.whenComplete((v, e) -> t.cancel());
        return f;
    }
}
