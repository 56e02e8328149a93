package dev.redlock.test.locked.problems;

import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import dev.redlock.cdi.Locked;
import dev.redlock.test.locked.MetaRedlock;

@ApplicationScoped
public class BadAsyncType implements Runnable {

    /** A stage type of its own: the interceptor could not return it. */
    public static final class Stage<T> extends CompletableFuture<T> {
    }

    @Override
    public void run() {
        start();
    }

    @Locked(meta = MetaRedlock.class, lock = "slow")
    public Stage<String> start() {
        Calls.COUNT.incrementAndGet();
        return new Stage<>();
    }
}
