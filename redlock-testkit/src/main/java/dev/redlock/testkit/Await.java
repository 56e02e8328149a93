package dev.redlock.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that something else makes true: a counter an event listener increments, a key a script
 * writes, a subscription that closes after its linger. It polls (every 20 ms) up to a deadline and fails naming
 * the condition, so a test never sleeps for a fixed time to let something happen.
 */
public final class Await {

    /** How long {@link #until(String, BooleanSupplier)} waits. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private static final long POLL_MILLIS = 20;

    private Await() {
    }

    /**
     * Returns once {@code condition} is true, waiting at most {@link #DEFAULT_TIMEOUT}.
     *
     * @param what      the condition, for the failure message
     * @param condition polled until it holds
     * @throws AssertionError       if it does not hold in time
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public static void until(String what, BooleanSupplier condition) throws InterruptedException {
        until(what, DEFAULT_TIMEOUT, condition);
    }

    /**
     * Returns once {@code condition} is true, waiting at most {@code timeout}.
     *
     * @param what      the condition, for the failure message
     * @param timeout   how long to wait
     * @param condition polled until it holds
     * @throws AssertionError       if it does not hold in time
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not met within " + timeout.toSeconds() + " s: " + what);
            }
            Thread.sleep(POLL_MILLIS); // polling: the deadline bounds it
        }
    }
}
