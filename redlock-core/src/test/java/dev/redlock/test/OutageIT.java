package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.redlock.api.LockAcquisitionException;
import dev.redlock.core.Lock;
import dev.redlock.core.Redlock;
import dev.redlock.testkit.RedisNode;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/**
 * Outage is not contention: with the default settings an acquisition that keeps missing the quorum because nodes
 * do not answer fails with RL1002 after the unreachable timeout, while one that finds the resource held by another
 * owner keeps waiting and gets it when released.
 */
@WithRedisNodes(count = 3, lifecycle = WithRedisNodes.Lifecycle.PER_METHOD)
final class OutageIT {

    @Test
    void twoOfThreeKilled_everyLockCallFails_unreachable_namingTheNodes(RedisNodes nodes) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(20);
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).build()) {
            List<RedisNode> dead = List.of(nodes.node(0), nodes.node(2));
            dead.forEach(RedisNode::kill);
            List<Future<Lock>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String key = "outage:" + i;
                // the default wait: until granted, which must not mean "until the nodes come back"
                calls.add(callers.submit(() -> redlock.acquire(List.of(key), Duration.ofSeconds(10))));
            }
            for (Future<Lock> call : calls) {
                // generous: the unreachable timeout (5 s) plus one retry delay, on a loaded machine
                ExecutionException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                        () -> call.get(60, TimeUnit.SECONDS), ExecutionException.class);
                assertThat(e).as("a lock call must fail, not hang").isNotNull();
                assertThat(e.getCause()).isInstanceOfSatisfying(LockAcquisitionException.class, x -> {
                    assertThat(x.reason()).isEqualTo(LockAcquisitionException.Reason.UNREACHABLE);
                    assertThat(x.getMessage()).startsWith("RL1002").contains("unreachable timeout PT5S");
                    for (RedisNode n : dead) {
                        assertThat(x.getMessage()).contains(n.host() + ":" + n.port() + ": ");
                    }
                    assertThat(x.getMessage()).doesNotContain(":" + nodes.node(1).port() + ": ");
                });
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void heldByAnotherOwner_theWaiterKeepsWaiting_evenWithAZeroUnreachableTimeout(RedisNodes nodes)
            throws Exception {
        try (Redlock holder = Redlock.builder().nodes(nodes.uris()).build();
                Redlock waiter = Redlock.builder().nodes(nodes.uris()).unreachableTimeout(Duration.ZERO)
                        .retryDelay(Duration.ofMillis(20)).build()) {
            nodes.node(2).kill(); // a minority down: a quorum still answers "held"
            Lock held = holder.acquire(List.of("outage:held"), Duration.ofSeconds(60));
            CompletableFuture<Lock> waiting = CompletableFuture
                    .supplyAsync(() -> waiter.acquire(List.of("outage:held"), Duration.ofSeconds(60)));
            // the waiter has met the holder: it listens for the release (and retries every 20 ms meanwhile)
            WakeUpIT.awaitTrue(() -> waiter.subscriptions() == 1);
            assertThat(waiting).isNotDone();
            held.release();
            Lock granted = waiting.get(30, TimeUnit.SECONDS);
            assertThat(granted.fencingToken()).isGreaterThan(held.fencingToken());
            granted.release();
        }
    }

    @Test
    void heldOnTheOneRunningNode_isAnOutage_notContention(RedisNodes nodes) throws Exception {
        try (Redlock holder = Redlock.builder().nodes(nodes.uris()).build();
                Redlock waiter = Redlock.builder().nodes(nodes.uris()).unreachableTimeout(Duration.ofSeconds(1))
                        .build()) {
            holder.acquire(List.of("outage:minority"), Duration.ofSeconds(60)); // node 0 keeps it for a minute
            nodes.node(1).kill();
            nodes.node(2).kill();
            // node 0 answers "held" on every attempt (it would be the retries' tie-breaker), but no quorum answers:
            // the waiter must give up after the unreachable timeout, not wait out the holder's lease
            CompletableFuture<Lock> waiting = CompletableFuture
                    .supplyAsync(() -> waiter.acquire(List.of("outage:minority"), Duration.ofSeconds(10)));
            assertThat(waiting).failsWithin(30, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOfSatisfying(LockAcquisitionException.class,
                            e -> assertThat(e.reason()).isEqualTo(LockAcquisitionException.Reason.UNREACHABLE));
        }
    }

    @Test
    void zeroUnreachableTimeout_failsAtTheFirstAttemptWithoutAQuorum(RedisNodes nodes) {
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).unreachableTimeout(Duration.ZERO).build()) {
            nodes.node(0).kill();
            nodes.node(1).kill();
            LockAcquisitionException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    () -> redlock.acquire(List.of("outage:zero"), Duration.ofSeconds(10)),
                    LockAcquisitionException.class);
            assertThat(e.reason()).isEqualTo(LockAcquisitionException.Reason.UNREACHABLE);
            assertThat(e.attempts()).isEqualTo(1);
        }
    }
}
