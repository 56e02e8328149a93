package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.redlock.api.LockAcquisitionException;
import dev.redlock.core.Lock;
import dev.redlock.core.LockEvent;
import dev.redlock.core.LockEvent.Type;
import dev.redlock.core.Redlock;
import dev.redlock.core.RedlockListener;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/**
 * Listeners attached after the build hear every event from then on; a failed acquisition and a failed extension
 * are events of their own, and every event tells how long what it ends took.
 */
@WithRedisNodes(count = 3, lifecycle = WithRedisNodes.Lifecycle.PER_METHOD)
final class ListenerEventsIT {

    @Test
    void addedListener_hearsAcquisitionFailures_withTheCallersException(RedisNodes nodes) {
        List<LockEvent> events = new CopyOnWriteArrayList<>();
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).retryDelay(Duration.ofMillis(20)).build()) {
            RedlockListener listener = events::add;
            redlock.addListener(listener);
            try (Lock held = redlock.acquire(List.of("events:a"), Duration.ofSeconds(10))) {
                assertThat(redlock.tryAcquire(List.of("events:a"), Duration.ofSeconds(10), Duration.ZERO)).isEmpty();
                assertThatThrownBy(() -> redlock.acquire(List.of("events:a"), Duration.ofSeconds(10),
                        Duration.ofMillis(100))).isInstanceOf(LockAcquisitionException.class);
            }
            List<LockEvent> failed = events.stream().filter(e -> e.type() == Type.ACQUISITION_FAILED).toList();
            assertThat(failed).hasSize(2).allSatisfy(e -> {
                assertThat(e.keys()).containsExactly("events:a");
                assertThat(e.fencingToken()).isZero();
                assertThat(e.error()).isInstanceOfSatisfying(LockAcquisitionException.class,
                        x -> assertThat(x.reason()).isEqualTo(LockAcquisitionException.Reason.HELD));
            });
            assertThat(failed.get(1).elapsed()).as("the wait it gave up after").isPositive();
            LockEvent released = events.stream().filter(e -> e.type() == Type.RELEASED).findFirst().orElseThrow();
            assertThat(released.elapsed()).as("the hold time").isPositive();

            assertThat(redlock.removeListener(listener)).isTrue();
            assertThat(redlock.removeListener(listener)).isFalse();
            int before = events.size();
            redlock.acquire(List.of("events:b"), Duration.ofSeconds(10)).release();
            assertThat(events).hasSize(before);
        }
    }

    @Test
    void extensionThatMissesTheQuorum_isAnEventBeforeTheLoss(RedisNodes nodes) throws Exception {
        List<LockEvent> events = new CopyOnWriteArrayList<>();
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).listener(events::add)
                .commandTimeout(Duration.ofMillis(200)).build()) {
            Lock lock = redlock.acquire(List.of("events:c"), Duration.ofSeconds(5));
            nodes.node(1).kill();
            nodes.node(2).kill();
            assertThatThrownBy(() -> lock.extend(Duration.ofSeconds(5))).isNotNull();
            WakeUpIT.awaitTrue(() -> events.stream().anyMatch(e -> e.type() == Type.EXTENSION_FAILED));
            LockEvent failed = events.stream().filter(e -> e.type() == Type.EXTENSION_FAILED).findFirst()
                    .orElseThrow();
            assertThat(failed.lockId()).isEqualTo(lock.id());
            assertThat(failed.fencingToken()).isEqualTo(lock.fencingToken());
            assertThat(failed.votes()).hasSize(3);
            assertThat(redlock.waiters()).isZero();
        }
    }
}
