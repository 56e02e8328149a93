package dev.redlock.core;

import java.util.concurrent.CompletableFuture;

/**
 * Simulated process pauses for the fault-injection tests: stalls an engine's scheduler thread (its watchdog, expiry
 * check and retry timers) as a stop-the-world pause of the client would. Lives in the engine's package because it
 * reaches the engine through a package-private accessor; not API.
 */
public final class Pauses {

    private Pauses() {
    }

    /**
     * Stalls {@code redlock}'s watchdog until {@code resume} completes.
     *
     * @param redlock the engine
     * @param resume  completes when the pause ends
     */
    public static void stallWatchdog(Redlock redlock, CompletableFuture<?> resume) {
        redlock.engine().stallScheduler(resume).join();
    }
}
