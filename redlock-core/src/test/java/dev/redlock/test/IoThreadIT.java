package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.redlock.core.Lock;
import dev.redlock.core.Redlock;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/**
 * A stage of {@code acquireAsync} completes on the engine's I/O thread; a blocking call in a continuation there
 * would wait for answers only that thread reads, so it fails at once with RL1032 instead of timing out.
 */
@WithRedisNodes(count = 3)
final class IoThreadIT {

    @Test
    void blockingCallInAContinuationOnTheIoThread_failsFast_andTheAsyncFormWorks(RedisNodes nodes) throws Exception {
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).build();
                Redlock other = Redlock.builder().nodes(nodes.uris()).build()) {
            Lock held = other.acquire(List.of("io:a"), Duration.ofSeconds(30));
            // the grant can only come after the release below, so the continuation runs where the grant completes
            CompletableFuture<Lock> granted = redlock.acquireAsync(List.of("io:a"), Duration.ofSeconds(10),
                    Duration.ofSeconds(30)).toCompletableFuture();
            CompletableFuture<String> blocking = granted.thenApply(lock -> {
                String thread = Thread.currentThread().getName();
                lock.extend(Duration.ofSeconds(10));
                return thread;
            });
            held.release();
            assertThatThrownBy(() -> blocking.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("RL1032: Lock.extend blocks")
                    .hasMessageContaining("thenApplyAsync");
            Lock lock = granted.get();
            assertThat(lock.isLost()).isFalse();
            lock.releaseAsync().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertThat(redlock.heldLocks()).isZero();
        }
    }
}
