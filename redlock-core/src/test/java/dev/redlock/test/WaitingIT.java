package dev.redlock.test;

import static dev.redlock.test.WakeUpIT.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.redlock.api.LockAcquisitionException;
import dev.redlock.core.Lock;
import dev.redlock.core.Redlock;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

@WithRedisNodes(count = 3)
final class WaitingIT {

    @Test
    void inspect_countsTheWaiters_andCloseEndsTheirWait(RedisNodes nodes) throws Exception {
        try (Redlock holder = Redlock.builder().nodes(nodes.uris()).build()) {
            Redlock waiters = Redlock.builder().nodes(nodes.uris()).build();
            Lock held = holder.acquire(List.of("wait:a"), Duration.ofSeconds(60));
            CompletableFuture<Lock> w1 = waiters.acquireAsync(List.of("wait:a"), Duration.ofSeconds(10),
                    Duration.ofSeconds(60)).toCompletableFuture();
            CompletableFuture<Lock> w2 = waiters.acquireAsync(List.of("wait:a"), Duration.ofSeconds(10),
                    Duration.ofSeconds(60)).toCompletableFuture();
            awaitTrue(() -> waiters.inspect("wait:*").size() == 1 && waiters.inspect("wait:*").get(0).waiters() == 2);
            waiters.close();
            for (CompletableFuture<Lock> w : List.of(w1, w2)) {
                ExecutionException e = org.assertj.core.api.Assertions.catchThrowableOfType(ExecutionException.class,
                        () -> w.get(10, TimeUnit.SECONDS));
                assertThat(e.getCause()).isInstanceOf(LockAcquisitionException.class).hasMessageStartingWith("RL1005");
            }
            held.release();
        }
    }

    @Test
    void interruptedWaiter_stopsWaiting_andKeepsItsInterruptFlag(RedisNodes nodes) throws Exception {
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).build()) {
            Lock held = redlock.acquire(List.of("wait:b"), Duration.ofSeconds(60));
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<Boolean> flag = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    redlock.acquire(List.of("wait:b"), Duration.ofSeconds(10));
                } catch (Throwable e) {
                    thrown.set(e);
                    flag.set(Thread.currentThread().isInterrupted());
                }
            });
            t.start();
            awaitTrue(() -> redlock.subscriptions() == 1);
            t.interrupt();
            t.join(10_000);
            assertThat(thrown.get()).isInstanceOf(LockAcquisitionException.class).hasMessageStartingWith("RL1004");
            assertThat(flag.get()).isTrue();
            held.release();
            assertThat(redlock.isLocked("wait:b")).isFalse();
        }
    }
}
