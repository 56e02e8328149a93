package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.redlock.api.LockedRunnable;

/** Holds a lock on a thread of its own until released: for looking at Redis while a lock is held. */
final class Hold implements AutoCloseable {

    /** Calls a lock method with the given body. */
    interface LockCall {
        void run(LockedRunnable<InterruptedException> body) throws Exception;
    }

    private final CountDownLatch acquired = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    private Hold() {
    }

    /** Starts the call and returns once the body runs, that is once the lock is held. */
    static Hold start(LockCall call) throws InterruptedException {
        Hold hold = new Hold();
        Thread t = new Thread(() -> {
            try {
                call.run(() -> {
                    hold.acquired.countDown();
                    hold.release.await(60, TimeUnit.SECONDS);
                });
                hold.done.complete(null);
            } catch (Throwable e) {
                hold.done.completeExceptionally(e);
            }
        }, "lock-holder");
        t.setDaemon(true);
        t.start();
        boolean held = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!held && !hold.done.isDone() && System.nanoTime() < deadline) {
            held = hold.acquired.await(100, TimeUnit.MILLISECONDS);
        }
        if (!held) {
            hold.done.join(); // rethrows the call's failure, if any
        }
        assertThat(held).as("lock acquired within 30 s").isTrue();
        return hold;
    }

    /** Lets the body return and waits for the lock call to finish. */
    CompletableFuture<Void> release() {
        release.countDown();
        return done;
    }

    @Override
    public void close() {
        release.countDown();
    }

    /** Polls {@code condition} until true, for at most 20 s. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        dev.redlock.testkit.Await.until(what, condition);
    }
}
