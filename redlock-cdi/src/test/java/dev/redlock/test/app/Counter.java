package dev.redlock.test.app;

/** A counter that is not thread-safe on purpose: only a lock around {@link #increment()} keeps it exact. */
public final class Counter {

    private int value;

    /** Reads, yields, writes: lost updates show up quickly without a lock. */
    public int increment() {
        int read = value;
        Thread.yield();
        value = read + 1;
        return value;
    }

    public int value() {
        return value;
    }
}
