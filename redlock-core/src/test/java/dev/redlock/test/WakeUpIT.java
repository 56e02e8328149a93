package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.redlock.core.Lock;
import dev.redlock.core.Redlock;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

@WithRedisNodes(count = 3)
final class WakeUpIT {

    @Test
    void waiter_getsTheLockPromptlyAfterRelease_withoutPolling(RedisNodes nodes) throws Exception {
        // a 30 s retry delay: without the release message the waiter would wait at least 30 s
        try (Redlock holder = Redlock.builder().nodes(nodes.uris()).build();
                Redlock waiter = Redlock.builder().nodes(nodes.uris()).retryDelay(Duration.ofSeconds(30))
                        .retryJitter(Duration.ZERO).build()) {
            Lock held = holder.acquire(List.of("wake:a"), Duration.ofSeconds(60));
            CompletableFuture<Lock> waiting = waiter.acquireAsync(List.of("wake:a"), Duration.ofSeconds(60),
                    Duration.ofSeconds(120)).toCompletableFuture();
            awaitTrue(() -> waiter.subscriptions() == 1);
            Thread.sleep(200); // let the waiter finish its immediate retry and go to sleep (not synchronisation)
            assertThat(waiting).isNotDone();
            held.release();
            Lock got = waiting.get(5, TimeUnit.SECONDS);
            assertThat(got.fencingToken()).isGreaterThan(held.fencingToken());
            got.release();
            // the shared subscription is removed once nobody waits (after a short linger)
            awaitTrue(() -> waiter.subscriptions() == 0);
        }
    }

    @Test
    void manyWaiters_shareOneSubscription_andEachReleaseWakesTheNext(RedisNodes nodes) throws Exception {
        try (Redlock engine = Redlock.builder().nodes(nodes.uris()).retryDelay(Duration.ofSeconds(30)).build()) {
            Lock held = engine.acquire(List.of("wake:b"), Duration.ofSeconds(60));
            List<CompletableFuture<Void>> done = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                done.add(engine.acquireAsync(List.of("wake:b"), Duration.ofSeconds(60), Duration.ofSeconds(120))
                        .thenComposeAsync(Lock::releaseAsync).toCompletableFuture());
            }
            awaitTrue(() -> engine.subscriptions() == 1);
            held.release();
            CompletableFuture.allOf(done.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
            assertThat(engine.isLocked("wake:b")).isFalse();
        }
    }

    /** Waits until every node's vote on the last operation of {@code lock} has come in (none is pending). */
    static void awaitAnswered(dev.redlock.core.Lock lock) throws InterruptedException {
        awaitTrue(() -> lock.votes().stream().noneMatch(v -> v.outcome() == dev.redlock.api.NodeVote.Outcome.PENDING));
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        dev.redlock.testkit.Await.until("the test's condition", condition);
    }
}
