package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The two sides of the lockIsolate deadlock: a lock holder on another thread whose work needs a connection, and here a
 * caller that holds the only level-0 connection while it waits for the same lock.
 */
public final class HolderAndCaller {

    /** Work that may throw. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    /** Takes the lock ({@code lock} or {@code lockIsolate}) and runs the body under it. */
    @FunctionalInterface
    public interface HolderCall {
        void lock(Body body) throws Exception;
    }

    /** The caller: takes its connection, then runs {@code connectionHeld}, then waits for the lock. */
    @FunctionalInterface
    public interface Caller {
        void run(Runnable connectionHeld) throws Exception;
    }

    private HolderAndCaller() {
    }

    /**
     * Starts the holder, which takes the lock and, once the caller holds its connection, runs {@code holderWork}; runs
     * the caller here; returns how the holder ended.
     */
    public static Future<Object> run(HolderCall call, Body holderWork, Caller caller) throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch connectionHeld = new CountDownLatch(1);
        CompletableFuture<Object> holderDone = new CompletableFuture<>();
        Thread holder = new Thread(() -> {
            try {
                call.lock(() -> {
                    locked.countDown();
                    if (!connectionHeld.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the caller never took the connection");
                    }
                    holderWork.run();
                });
                holderDone.complete(null);
            } catch (Throwable t) {
                holderDone.completeExceptionally(t);
            }
        }, "lock-holder");
        holder.start();
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        caller.run(connectionHeld::countDown);
        holder.join(TimeUnit.SECONDS.toMillis(60));
        return holderDone;
    }
}
