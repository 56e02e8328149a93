package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.redlock.api.LockLostException;
import dev.redlock.core.LockEvent;
import dev.redlock.core.Redlock;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

@WithRedisNodes(count = 3, lifecycle = WithRedisNodes.Lifecycle.PER_METHOD)
final class UsingIT {

    @Test
    void shortLeaseTime_heldForFiveSeconds_isNeverLost_andNobodyElseGetsIt(RedisNodes nodes) throws Exception {
        List<LockEvent> events = new CopyOnWriteArrayList<>();
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).listener(events::add).build();
                Redlock other = Redlock.builder().nodes(nodes.uris()).build()) {
            AtomicInteger stolen = new AtomicInteger();
            AtomicInteger tries = new AtomicInteger();
            String result = redlock.using(List.of("using:long"), Duration.ofSeconds(1), null, session -> {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (System.nanoTime() < end) {
                    tries.incrementAndGet();
                    other.tryAcquire(List.of("using:long"), Duration.ofSeconds(1), Duration.ZERO).ifPresent(l -> {
                        stolen.incrementAndGet();
                        l.release();
                    });
                    assertThat(session.isLost()).isFalse();
                    Thread.sleep(50); // pacing the other owner's tries, not synchronisation
                }
                session.throwIfLost();
                return "done";
            });
            assertThat(result).isEqualTo("done");
            assertThat(tries).hasPositiveValue();
            assertThat(stolen).hasValue(0);
            assertThat(events).extracting(LockEvent::type).contains(LockEvent.Type.ACQUIRED, LockEvent.Type.EXTENDED,
                    LockEvent.Type.RELEASED).doesNotContain(LockEvent.Type.LOST);
            assertThat(redlock.isLocked("using:long")).isFalse();
        }
    }

    @Test
    void majorityKilled_firesTheSignal_andEndsInLockLostException(RedisNodes nodes) {
        List<LockEvent> events = new CopyOnWriteArrayList<>();
        AtomicBoolean signalled = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).commandTimeout(Duration.ofMillis(300))
                .interruptOnLoss(true).listener(events::add).build()) {
            assertThatThrownBy(() -> redlock.using(List.of("using:lost"), Duration.ofSeconds(1), null, session -> {
                nodes.node(0).kill();
                nodes.node(1).kill();
                try {
                    Thread.sleep(20_000); // interrupted on loss
                } catch (InterruptedException e) {
                    interrupted.set(true);
                }
                signalled.set(session.lost().toCompletableFuture().isDone());
                assertThat(session.isLost()).isTrue();
                assertThat(session.remainingValidity()).isEqualTo(Duration.ZERO);
                return "went on";
            })).isInstanceOfSatisfying(LockLostException.class, e -> {
                assertThat(e).hasMessageStartingWith("RL1010");
                assertThat(e.keys()).containsExactly("using:lost");
            });
            assertThat(signalled).isTrue();
            assertThat(interrupted).isTrue();
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
            assertThat(events).extracting(LockEvent::type).contains(LockEvent.Type.LOST, LockEvent.Type.NODE_ERROR);
        }
    }

    @Test
    void functionFailure_wins_andLossIsSuppressed(RedisNodes nodes) {
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).commandTimeout(Duration.ofMillis(300))
                .build()) {
            assertThatThrownBy(() -> redlock.using(List.of("using:both"), Duration.ofSeconds(1), null, session -> {
                nodes.node(0).kill();
                nodes.node(2).kill();
                session.lost().toCompletableFuture().get(20, TimeUnit.SECONDS);
                throw new IOException("boom");
            })).isInstanceOf(IOException.class).hasMessage("boom")
                    .satisfies(e -> assertThat(e.getSuppressed()).hasAtLeastOneElementOfType(LockLostException.class));
        }
    }

    @Test
    void usingAsync_runsAndReleases(RedisNodes nodes) throws Exception {
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).build()) {
            Integer r = redlock.usingAsync(List.of("using:async"), Duration.ofSeconds(5), null,
                    session -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        assertThat(redlock.isLocked("using:async")).isTrue();
                        return 42;
                    })).toCompletableFuture().get(20, TimeUnit.SECONDS);
            assertThat(r).isEqualTo(42);
            assertThat(redlock.isLocked("using:async")).isFalse();
        }
    }
}
