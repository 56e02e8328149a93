package dev.redlock.test;

import static dev.redlock.test.WakeUpIT.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.redlock.api.LockAcquisitionException;
import dev.redlock.core.Lock;
import dev.redlock.core.Redlock;
import dev.redlock.testkit.RedisNode;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/**
 * The head's turn (docs/engine.md, "Waiting"): a release that wakes the head of the key's waiter queue reserves the
 * freed key for that waiter for one retry delay of the releasing engine, so that nobody barges in before it.
 */
@WithRedisNodes(count = 1)
final class HandOverTurnIT {

    private static final Duration LEASE = Duration.ofSeconds(60);

    @Test
    void theReleaserCannotTakeTheKeyBackBeforeTheWokenWaiter(RedisNodes nodes) throws Exception {
        // a long turn (10 s): the waiter's attempt lands well within it however slow the machine
        try (Redlock releaser = Redlock.builder().nodes(nodes.uris()).retryDelay(Duration.ofSeconds(10)).build();
                Redlock waiter = Redlock.builder().nodes(nodes.uris()).build()) {
            Lock first = releaser.acquire(List.of("turn:a"), LEASE);
            CompletableFuture<Lock> waiting = waiter.acquireAsync(List.of("turn:a"), LEASE, Duration.ofSeconds(30))
                    .toCompletableFuture();
            RedisNode node = nodes.node(0);
            awaitTrue(() -> zcard(node, "{turn:a}:q") == 1); // queued by its refused attempt

            first.release();
            CompletableFuture<Lock> again = releaser.acquireAsync(List.of("turn:a"), LEASE, Duration.ofSeconds(30))
                    .toCompletableFuture();
            Lock handedOver = waiting.get(20, TimeUnit.SECONDS);
            assertThat(handedOver.fencingToken()).isGreaterThan(first.fencingToken());
            assertThat(again).as("the releaser's next request waits behind the woken waiter").isNotDone();

            handedOver.release();
            again.get(20, TimeUnit.SECONDS).release();
        }
    }

    @Test
    void aTurnIsFreeForItsWaiterOnly_andEndsAfterOneRetryDelay(RedisNodes nodes) throws Exception {
        RedisNode node = nodes.node(0);
        try (Redlock releaser = Redlock.builder().nodes(nodes.uris()).retryDelay(Duration.ofMillis(1500)).build();
                Redlock other = Redlock.builder().nodes(nodes.uris()).build()) {
            Lock held = releaser.acquire(List.of("turn:b"), LEASE);
            enqueue(node, "turn:b", "waiter-1"); // a waiter of some other process, at the head of the queue

            held.release();
            long released = System.currentTimeMillis();
            assertThat(node.execute("GET", "turn:b")).isEqualTo("turn:waiter-1");
            assertThat(((Number) node.execute("PTTL", "turn:b")).longValue()).isBetween(1L, 1500L);
            // its heartbeat was cut to two turns: gone (it never comes), it leaves the queue three turns from now
            double heartbeat = Double.parseDouble(String.valueOf(node.execute("ZSCORE", "{turn:b}:hb", "waiter-1")));
            assertThat(heartbeat).isLessThanOrEqualTo(released + 3000.0);
            assertThat(other.isLocked("turn:b")).as("a turn is no owner").isFalse();
            assertThat(other.tryAcquire(List.of("turn:b"), LEASE, Duration.ZERO))
                    .as("reserved for waiter-1 while its turn lasts").isEmpty();

            awaitTrue(() -> node.execute("GET", "turn:b") == null); // the turn runs out: waiter-1 never came
            try (Lock late = other.tryAcquire(List.of("turn:b"), LEASE, Duration.ZERO).orElseThrow()) {
                assertThat(late.fencingToken()).isGreaterThan(held.fencingToken());
            }
        }
    }

    @Test
    void noTurnWithAZeroRetryDelay_orWithNobodyQueued(RedisNodes nodes) throws Exception {
        RedisNode node = nodes.node(0);
        try (Redlock noDelay = Redlock.builder().nodes(nodes.uris()).retryDelay(Duration.ZERO).build();
                Redlock plain = Redlock.builder().nodes(nodes.uris()).build()) {
            Lock held = noDelay.acquire(List.of("turn:c"), LEASE);
            enqueue(node, "turn:c", "waiter-2");
            held.release();
            assertThat(node.execute("GET", "turn:c")).as("no turn of 0 ms").isNull();

            plain.acquire(List.of("turn:d"), LEASE).release();
            assertThat(node.execute("GET", "turn:d")).as("nobody to give the turn to").isNull();
        }
    }

    @Test
    void anAcquisitionStartingWhileTheChannelIsOpen_listensFromItsFirstAttempt(RedisNodes nodes) throws Exception {
        RedisNode node = nodes.node(0);
        // a 30 s retry delay: within its 1.5 s wait the acquisition makes no attempt of its own after a refusal
        try (Redlock holder = Redlock.builder().nodes(nodes.uris()).build();
                Redlock engine = Redlock.builder().nodes(nodes.uris()).retryDelay(Duration.ofSeconds(30))
                        .retryJitter(Duration.ZERO).build()) {
            Lock held = holder.acquire(List.of("turn:e"), LEASE);
            CompletableFuture<Lock> first = engine.acquireAsync(List.of("turn:e"), LEASE, Duration.ofSeconds(60))
                    .toCompletableFuture();
            awaitTrue(() -> engine.subscriptions() == 1 && zcard(node, "{turn:e}:q") == 1);

            // the channel is open: one refused attempt, then it waits on the channel (no retry to cover a subscribe)
            LockAcquisitionException late = catchThrowableOfType(LockAcquisitionException.class,
                    () -> engine.acquire(List.of("turn:e"), LEASE, Duration.ofMillis(1500)));
            assertThat(late.reason()).isEqualTo(LockAcquisitionException.Reason.HELD);
            assertThat(late.attempts()).isEqualTo(1);

            held.release();
            first.get(20, TimeUnit.SECONDS).release();
        }
    }

    /** Puts {@code waiterId} into the key's waiter queue on {@code node}, as a refused attempt does. */
    private static void enqueue(RedisNode node, String key, String waiterId) {
        long heartbeatUntil = System.currentTimeMillis() + 60_000;
        node.execute("ZADD", "{" + key + "}:q", "1", waiterId);
        node.execute("ZADD", "{" + key + "}:hb", Long.toString(heartbeatUntil), waiterId);
    }

    private static long zcard(RedisNode node, String key) {
        return ((Number) node.execute("ZCARD", key)).longValue();
    }
}
