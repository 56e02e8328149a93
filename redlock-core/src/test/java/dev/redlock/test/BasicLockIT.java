package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.redlock.api.LockAcquisitionException;
import dev.redlock.api.LockState;
import dev.redlock.api.NodeVote;
import dev.redlock.core.Lock;
import dev.redlock.core.Redlock;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

@WithRedisNodes(count = 3)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class BasicLockIT {

    private Redlock redlock;

    @BeforeAll
    void start(RedisNodes nodes) {
        redlock = Redlock.builder().nodes(nodes.uris()).build();
    }

    @AfterAll
    void stop() {
        redlock.close();
    }

    @Test
    void acquireAndRelease_roundTrip(RedisNodes nodes) throws InterruptedException {
        Lock lock = redlock.acquire(List.of("basic:a"), Duration.ofSeconds(10));
        assertThat(lock.keys()).containsExactly("basic:a");
        assertThat(lock.fencingToken()).isPositive();
        assertThat(lock.remainingValidity()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10));
        // granted at quorum; a node that had not answered yet shows up as pending until it does
        assertThat(lock.votes()).filteredOn(NodeVote::granted).hasSizeGreaterThanOrEqualTo(2);
        assertThat(redlock.isLocked("basic:a")).isTrue();
        assertThat(redlock.remainingTtl("basic:a")).isPositive();
        for (var n : nodes.nodes()) {
            assertThat(n.execute("GET", "basic:a")).isNotNull();
        }
        lock.release();
        WakeUpIT.awaitAnswered(lock); // release returns at quorum; the last node answers a moment later
        assertThat(lock.votes()).extracting(NodeVote::outcome).containsOnly(NodeVote.Outcome.GRANTED);
        assertThat(redlock.isLocked("basic:a")).isFalse();
        assertThat(redlock.remainingTtl("basic:a")).isEqualTo(Duration.ZERO);
        for (var n : nodes.nodes()) {
            assertThat(n.execute("GET", "basic:a")).isNull();
        }
        lock.release(); // twice is harmless
    }

    @Test
    void tryAcquire_whileHeld_isEmpty_thenGrantedAfterRelease() {
        try (Lock held = redlock.acquire(List.of("basic:b"), Duration.ofSeconds(10))) {
            Optional<Lock> other = redlock.tryAcquire(List.of("basic:b"), Duration.ofSeconds(10), Duration.ZERO);
            assertThat(other).isEmpty();
            assertThatThrownBy(() -> redlock.acquire(List.of("basic:b"), Duration.ofSeconds(10), Duration.ZERO))
                    .isInstanceOfSatisfying(LockAcquisitionException.class, e -> {
                        assertThat(e.reason()).isEqualTo(LockAcquisitionException.Reason.HELD);
                        assertThat(e).hasMessageStartingWith("RL1001").hasMessageContaining("held by another owner");
                        assertThat(e.votes()).hasSize(3);
                    });
        }
        Optional<Lock> after = redlock.tryAcquire(List.of("basic:b"), Duration.ofSeconds(10), Duration.ZERO);
        assertThat(after).isPresent();
        after.get().release();
    }

    @Test
    void multiKey_isAllOrNone() {
        try (Lock one = redlock.acquire(List.of("basic:m2"), Duration.ofSeconds(10))) {
            assertThat(redlock.tryAcquire(List.of("basic:m1", "basic:m2"), Duration.ofSeconds(10), Duration.ZERO))
                    .isEmpty();
            assertThat(redlock.isLocked("basic:m1")).isFalse();
        }
        try (Lock both = redlock.acquire(List.of("basic:m1", "basic:m2"), Duration.ofSeconds(10))) {
            assertThat(redlock.isLocked("basic:m1")).isTrue();
            assertThat(redlock.isLocked("basic:m2")).isTrue();
        }
        assertThat(redlock.isLocked("basic:m1")).isFalse();
    }

    @Test
    void lock_canBeReleasedOnAnotherThread() throws Exception {
        Lock lock = redlock.acquire(List.of("basic:thread"), Duration.ofSeconds(10));
        CompletableFuture.runAsync(lock::release).get(10, TimeUnit.SECONDS);
        assertThat(redlock.isLocked("basic:thread")).isFalse();
    }

    @Test
    void extend_pushesTheKeysTtl() {
        try (Lock lock = redlock.acquire(List.of("basic:ext"), Duration.ofSeconds(2))) {
            lock.extend(Duration.ofSeconds(20));
            assertThat(redlock.remainingTtl("basic:ext")).isGreaterThan(Duration.ofSeconds(10));
            assertThat(lock.remainingValidity()).isGreaterThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void inspect_showsHeldLocks() {
        try (Lock lock = redlock.acquire(List.of("inspect:x"), Duration.ofSeconds(20))) {
            var held = redlock.inspect("inspect:*");
            assertThat(held).hasSize(1);
            assertThat(held.get(0).key()).isEqualTo("inspect:x");
            assertThat(held.get(0).fencingToken()).isGreaterThanOrEqualTo(lock.fencingToken());
            assertThat(held.get(0).owner()).hasSize(8);
            assertThat(held.get(0).remainingTtl()).isPositive();
        }
        assertThat(redlock.inspect("inspect:*")).isEmpty();
    }

    @Test
    void inspect_showsAKeyLeftOnAMinority_asHeldOnMinority(RedisNodes nodes) {
        Lock lock = redlock.acquire(List.of("inspect:m"), Duration.ofSeconds(20));
        assertThat(redlock.inspect("inspect:m")).singleElement()
                .satisfies(h -> assertThat(h.state()).isEqualTo(LockState.HELD));
        // the key stays on one node of three: no quorum holds it any more, the remains are still in the way
        nodes.node(0).execute("DEL", "inspect:m");
        nodes.node(1).execute("DEL", "inspect:m");
        assertThat(redlock.isLocked("inspect:m")).isFalse();
        assertThat(redlock.inspect("inspect:m")).singleElement().satisfies(h -> {
            assertThat(h.state()).isEqualTo(LockState.HELD_ON_MINORITY);
            assertThat(h.fencingToken()).isPositive(); // node 2's own counter
            assertThat(h.remainingTtl()).isPositive();
        });
        nodes.node(2).execute("DEL", "inspect:m");
        assertThat(redlock.inspect("inspect:m")).isEmpty();
    }

    @Test
    void acquireAsync_completesWithTheLock() throws Exception {
        Lock lock = redlock.acquireAsync(List.of("basic:async"), Duration.ofSeconds(10), Duration.ofSeconds(5))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(redlock.isLocked("basic:async")).isTrue();
        lock.releaseAsync().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(redlock.isLocked("basic:async")).isFalse();
    }
}
