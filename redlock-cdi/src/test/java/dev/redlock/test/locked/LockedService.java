package dev.redlock.test.locked;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import dev.redlock.cdi.Locked;
import dev.redlock.test.app.Counter;

/** Methods locked by annotation, as an application writes them (compiled with -parameters). */
@ApplicationScoped
public class LockedService {

    private final Counter counter = new Counter();

    @Locked(meta = MetaRedlock.class, lock = "counter")
    public int increment() {
        return counter.increment();
    }

    public int counter() {
        return counter.value();
    }

    /** Holds {@code user-<userId>}: tells {@code entered}, then waits for {@code release}. */
    @Locked(meta = MetaRedlock.class, lock = "user-{userId}", leaseTime = "10s")
    public String update(CountDownLatch entered, long userId, CountDownLatch release) throws InterruptedException {
        entered.countDown();
        return release.await(30, TimeUnit.SECONDS) ? "updated " + userId : "timed out";
    }

    /** The same with lockIsolate, on a tenant of its own. */
    @Locked(meta = MetaRedlock.class, lock = "report-{year}", isolate = true, instance = "tenant-1", waitTime = "5s")
    public String report(int year, CountDownLatch entered, CountDownLatch release) throws InterruptedException {
        entered.countDown();
        return release.await(30, TimeUnit.SECONDS) ? "report " + year : "timed out";
    }

    /** Holds {@code slow} until {@code stage} completes. */
    @Locked(meta = MetaRedlock.class, lock = "slow")
    public CompletableFuture<String> async(CompletableFuture<String> stage) {
        return stage;
    }

    /** The same, declared as CompletionStage. */
    @Locked(meta = MetaRedlock.class, lock = "slow")
    public CompletionStage<String> asyncStage(CompletionStage<String> stage) {
        return stage;
    }

    /** One attempt at {@code slow}. */
    @Locked(meta = MetaRedlock.class, lock = "slow", waitTime = "0s")
    public String tryNow() {
        return "got it";
    }
}
