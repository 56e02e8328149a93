package dev.redlock.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.redlock.api.LockLostException;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/**
 * A lease past its validity is lost, whether it is extended automatically, by hand or not at all: the loss signal
 * fires at the end of the validity without anybody asking, and {@code isLost}, {@code throwIfLost} and
 * {@code remainingValidity} agree on the monotonic clock even when no timer could fire.
 */
@WithRedisNodes(count = 3)
final class LeaseExpiryIT {

    private static final Duration SHORT = Duration.ofMillis(300);

    @Test
    void manualLock_notExtended_isToldLostAtTheEndOfItsValidity(RedisNodes nodes) throws Exception {
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).build()) {
            Lock lock = redlock.acquire(List.of("expiry:manual"), SHORT);
            assertExpired(lock, redlock);
        }
    }

    @Test
    void multiKeyLock_isToldLostToo(RedisNodes nodes) throws Exception {
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).build()) {
            Lock lock = redlock.acquire(List.of("expiry:a", "expiry:b", "expiry:c"), SHORT);
            assertExpired(lock, redlock);
        }
    }

    @Test
    void manualLock_extendedByHand_isLostAtTheEndOfTheExtendedValidity(RedisNodes nodes) throws Exception {
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).build()) {
            Lock lock = redlock.acquire(List.of("expiry:extended"), Duration.ofSeconds(30));
            lock.extend(SHORT);
            assertThat(lock.isLost()).isFalse();
            assertExpired(lock, redlock);
        }
    }

    @Test
    void expiredLease_isLost_evenWhenNoTimerCanFire(RedisNodes nodes) throws Exception {
        CompletableFuture<Void> resume = new CompletableFuture<>();
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).build()) {
            try {
                Lock lock = redlock.acquire(List.of("expiry:stalled"), SHORT);
                Pauses.stallWatchdog(redlock, resume); // the expiry timer cannot run from now on
                awaitTrue(() -> lock.remainingValidity().isZero());
                assertThat(lock.isLost()).isTrue();
                assertThatThrownBy(lock::throwIfLost).isInstanceOf(LockLostException.class)
                        .hasMessageStartingWith("RL1010");
                assertThat(lock.lost().toCompletableFuture()).isCompleted();
                lock.release(); // harmless: it is lost, not held
            } finally {
                resume.complete(null);
            }
        }
    }

    @Test
    void releasedLock_isNotToldLost(RedisNodes nodes) throws Exception {
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).build()) {
            Lock released = redlock.acquire(List.of("expiry:released"), SHORT);
            released.release();
            Lock other = redlock.acquire(List.of("expiry:after"), SHORT);
            // the later lock's loss fires after the released one's validity would have ended
            other.lost().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(released.isLost()).isFalse();
            assertThat(released.lost().toCompletableFuture()).isNotDone();
            released.throwIfLost();
        }
    }

    private static void assertExpired(Lock lock, Redlock redlock) throws Exception {
        LockLostException signalled = lock.lost().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(signalled).hasMessageStartingWith("RL1010").hasMessageContaining("without an extension");
        assertThat(lock.isLost()).isTrue();
        assertThat(lock.remainingValidity()).isZero();
        assertThatThrownBy(lock::throwIfLost).isSameAs(signalled);
        assertThat(redlock.heldLocks()).isZero();
        lock.release(); // harmless and prompt
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        dev.redlock.testkit.Await.until("the test's condition", condition);
    }
}
