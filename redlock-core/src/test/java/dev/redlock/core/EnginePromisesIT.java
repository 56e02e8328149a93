package dev.redlock.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import dev.redlock.api.LockAcquisitionException;
import dev.redlock.api.LockAcquisitionException.Reason;
import dev.redlock.testkit.RedisNode;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/**
 * Promises of the algorithm that only show at the edges: a grant that came in after the lease time is a failure
 * and gives back what it took; the clock-drift margin shortens the validity; {@code retryCount} N is N + 1 attempts;
 * the retry pauses stay within {@code [retryDelay, retryDelay + retryJitter]} and spread over it.
 */
@WithRedisNodes(count = 3, lifecycle = WithRedisNodes.Lifecycle.PER_METHOD)
final class EnginePromisesIT {

    private static final Duration LEASE_TIME = Duration.ofSeconds(60);

    @Test
    void aQuorumGrantedAfterTheLeaseTime_isAFailure_thatReleasesWhatItTook(RedisNodes nodes) throws Exception {
        Duration lease = Duration.ofMillis(500);
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).commandTimeout(Duration.ofSeconds(30))
                .build()) {
            redlock.acquire(List.of("promise:warm"), lease).release(); // connections up
            RedisNode fast = nodes.node(0);
            nodes.node(1).pause();
            nodes.node(2).pause();
            try {
                CompletableFuture<Lock> attempt = CompletableFuture
                        .supplyAsync(() -> redlock.acquire(List.of("promise:late"), lease, Duration.ZERO));
                // node 0 grants at once; its key expiring there proves the attempt has run longer than the lease
                await(() -> fast.execute("GET", "promise:late") != null);
                await(() -> fast.execute("GET", "promise:late") == null);
                nodes.node(1).resume(); // the second grant: a quorum, but too late
                LockAcquisitionException e = catchThrowableOfType(() -> join(attempt),
                        LockAcquisitionException.class);
                assertThat(e.reason()).isEqualTo(Reason.VALIDITY_EXPIRED);
                assertThat(e.getMessage()).startsWith("RL1003");
                // node 1 set the key with a fresh TTL of 500 ms; the failed attempt deleted it before it threw
                assertThat(nodes.node(1).execute("GET", "promise:late")).isNull();
            } finally {
                nodes.node(1).resume();
                nodes.node(2).resume();
            }
            await(() -> nodes.node(2).execute("GET", "promise:late") == null);
        }
    }

    @Test
    void theDriftMargin_shortensTheValidity(RedisNodes nodes) {
        Duration lease = Duration.ofSeconds(10);
        for (double factor : new double[]{0, 0.01, 0.05, 0.1}) {
            try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).driftFactor(factor).build();
                    Lock lock = redlock.acquire(List.of("promise:drift"), lease)) {
                // documented: validity = leaseTime - elapsed - (leaseTime * driftFactor + 2 ms)
                long drift = (long) (lease.toNanos() * factor) + TimeUnit.MILLISECONDS.toNanos(2);
                assertThat(lock.remainingValidity()).isPositive()
                        .isLessThanOrEqualTo(lease.minusNanos(drift));
            }
        }
    }

    @Test
    void retryCountN_makesExactlyNPlusOneAttempts(RedisNodes nodes) {
        try (Redlock holder = Redlock.builder().nodes(nodes.uris()).build();
                Lock held = holder.acquire(List.of("promise:count"), LEASE_TIME)) {
            for (int n : new int[]{0, 1, 3, 7}) {
                try (Redlock contender = Redlock.builder().nodes(nodes.uris()).retryCount(n)
                        .retryDelay(Duration.ofMillis(5)).retryJitter(Duration.ofMillis(5)).build()) {
                    LockAcquisitionException e = catchThrowableOfType(
                            () -> contender.acquire(List.of("promise:count"), LEASE_TIME, LEASE_TIME),
                            LockAcquisitionException.class);
                    assertThat(e.reason()).isEqualTo(Reason.HELD);
                    assertThat(e.attempts()).as("retryCount %d", n).isEqualTo(n + 1);
                }
            }
        }
    }

    @Test
    void theJitter_spreadsRetryPausesOverItsRange(RedisNodes nodes) {
        Duration delay = Duration.ofMillis(2);
        Duration jitter = Duration.ofMillis(10);
        int retries = 150;
        List<Long> pauses = new CopyOnWriteArrayList<>();
        try (Redlock holder = Redlock.builder().nodes(nodes.uris()).build();
                Lock held = holder.acquire(List.of("promise:jitter"), LEASE_TIME);
                Redlock contender = Redlock.builder().nodes(nodes.uris()).retryCount(retries).retryDelay(delay)
                        .retryJitter(jitter).build()) {
            contender.engine().retryHooks(new Random(19), pauses::add);
            LockAcquisitionException e = catchThrowableOfType(
                    () -> contender.acquire(List.of("promise:jitter"), LEASE_TIME, LEASE_TIME),
                    LockAcquisitionException.class);
            assertThat(e.attempts()).isEqualTo(retries + 1);
        }
        // the first failure subscribes and retries at once; the last one gives up: every other attempt paused
        assertThat(pauses).hasSizeBetween(retries - 1, retries);
        int[] buckets = new int[3];
        for (long p : pauses) {
            assertThat(p).isBetween(delay.toNanos(), delay.plus(jitter).toNanos());
            long j = TimeUnit.NANOSECONDS.toMillis(p - delay.toNanos()); // 0..10
            buckets[(int) Math.min(2, j * 3 / 11)]++;
        }
        // uniform over 0..10 ms: each third of the range gets its share (a fixed seed, so no flakiness)
        for (int b : buckets) {
            assertThat(b).isGreaterThan(pauses.size() / 5);
        }
        assertThat(pauses.stream().distinct().count()).isEqualTo(11);
    }

    private static Lock join(CompletableFuture<Lock> f) throws Throwable {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause();
        }
    }

    /** Polls {@code condition} on the nodes' state (not on time) for at most 30 s. */
    private static void await(BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - end).as("condition not met within 30 s").isNegative();
            Thread.onSpinWait();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
