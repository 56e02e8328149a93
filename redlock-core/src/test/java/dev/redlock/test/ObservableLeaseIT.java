package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.redlock.core.Lock;
import dev.redlock.core.LockEvent;
import dev.redlock.core.Redlock;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/**
 * A lease is observable: its end of validity is a point on the monotonic clock that agrees with
 * {@code remainingValidity()} and moves only with an extension; every event of a lock carries its id, and an
 * EXTENDED event the new end of validity.
 */
@WithRedisNodes(count = 3, lifecycle = WithRedisNodes.Lifecycle.PER_METHOD)
final class ObservableLeaseIT {

    @Test
    void validUntil_agreesWithRemainingValidity_andMovesWithAnExtension(RedisNodes nodes) {
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).build()) {
            long before = System.nanoTime();
            Lock lock = redlock.acquire(List.of("observe:a"), Duration.ofSeconds(10));
            long granted = lock.validUntilNanos();
            long remaining = lock.remainingValidity().toNanos();
            long after = System.nanoTime();
            // the end lies within the lease time (minus the drift margin) of the attempt, which ran in [before, after]
            assertThat(granted - before).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10).toNanos());
            assertThat(remaining).isBetween(granted - after, granted - before);
            assertThat(lock.validUntilNanos()).as("a point, not a sample").isEqualTo(granted);

            lock.extend(Duration.ofSeconds(20));
            long extended = lock.validUntilNanos();
            assertThat(extended - granted).isPositive();
            assertThat(extended - System.nanoTime()).isLessThanOrEqualTo(Duration.ofSeconds(20).toNanos());
            lock.release();
            assertThat(lock.remainingValidity()).isZero();
            assertThat(lock.validUntilNanos()).as("kept after the release").isEqualTo(extended);
        }
    }

    @Test
    void events_carryTheLockId_andExtendedCarriesTheNewValidity(RedisNodes nodes) throws Exception {
        List<LockEvent> events = new CopyOnWriteArrayList<>();
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).listener(events::add).build()) {
            Lock first = redlock.acquire(List.of("observe:b"), Duration.ofSeconds(10));
            Lock second = redlock.acquire(List.of("observe:c"), Duration.ofSeconds(10));
            assertThat(first.id()).matches("[0-9a-f]{16}").isNotEqualTo(second.id());
            assertThat(first.toString()).contains("id=" + first.id());
            first.extend(Duration.ofSeconds(30));
            long extendedUntil = first.validUntilNanos();
            // the EXTENDED event comes once every node answered the extension (extend() returns at quorum)
            WakeUpIT.awaitTrue(() -> events.stream()
                    .anyMatch(e -> e.lockId().equals(first.id()) && e.type() == LockEvent.Type.EXTENDED));
            nodes.node(2).kill(); // the release's node error joins the session too
            first.release();
            second.release();
            WakeUpIT.awaitTrue(() -> events.stream()
                    .anyMatch(e -> e.lockId().equals(first.id()) && e.type() == LockEvent.Type.NODE_ERROR));

            List<LockEvent> ofFirst = events.stream().filter(e -> e.lockId().equals(first.id())).toList();
            assertThat(ofFirst).extracting(LockEvent::type).contains(LockEvent.Type.ACQUIRED,
                    LockEvent.Type.EXTENDED, LockEvent.Type.RELEASED, LockEvent.Type.NODE_ERROR);
            assertThat(ofFirst).allSatisfy(e -> assertThat(e.keys()).containsExactly("observe:b"));
            assertThat(events).filteredOn(e -> e.lockId().equals(second.id())).extracting(LockEvent::keys)
                    .containsOnly(List.of("observe:c"));
            LockEvent extended = ofFirst.stream().filter(e -> e.type() == LockEvent.Type.EXTENDED).findFirst()
                    .orElseThrow();
            assertThat(extended.validUntilNanos()).isEqualTo(extendedUntil);
            LockEvent acquired = ofFirst.stream().filter(e -> e.type() == LockEvent.Type.ACQUIRED).findFirst()
                    .orElseThrow();
            assertThat(extendedUntil - acquired.validUntilNanos()).isPositive()
                    .isLessThanOrEqualTo(TimeUnit.SECONDS.toNanos(30));
            assertThat(ofFirst).filteredOn(e -> e.type() == LockEvent.Type.RELEASED)
                    .extracting(LockEvent::validUntilNanos).containsExactly(extendedUntil);
        }
    }
}
