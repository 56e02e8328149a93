package dev.redlock.test;

import static dev.redlock.test.WakeUpIT.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import dev.redlock.api.HeldLock;
import dev.redlock.core.Lock;
import dev.redlock.core.Redlock;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

@WithRedisNodes(count = 3)
final class FifoIT {

    private static int queued(Redlock r, String key) {
        List<HeldLock> held = r.inspect(key);
        return held.isEmpty() ? -1 : held.get(0).waiters();
    }

    @Test
    void waiters_areGrantedInArrivalOrder(RedisNodes nodes) throws Exception {
        try (Redlock holder = Redlock.builder().nodes(nodes.uris()).fifo(true).build();
                Redlock waiters = Redlock.builder().nodes(nodes.uris()).fifo(true).build()) {
            Lock held = holder.acquire(List.of("fifo:a"), Duration.ofSeconds(60));
            List<Integer> order = new CopyOnWriteArrayList<>();
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int id = i;
                done.add(waiters.acquireAsync(List.of("fifo:a"), Duration.ofSeconds(60), Duration.ofSeconds(60))
                        .thenComposeAsync(l -> {
                            order.add(id);
                            return l.releaseAsync();
                        }).toCompletableFuture());
                awaitTrue(() -> queued(holder, "fifo:a") == id + 1);
            }
            held.release();
            CompletableFuture.allOf(done.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);
            assertThat(order).containsExactly(0, 1, 2, 3, 4);
        }
    }

    @Test
    void deadWaiter_isSkippedAfterItsHeartbeatTimeout(RedisNodes nodes) throws Exception {
        List<RedissonClient> doomed = new ArrayList<>();
        for (String uri : nodes.uris()) {
            Config c = new Config();
            c.useSingleServer().setAddress(uri).setRetryAttempts(0).setTimeout(300);
            doomed.add(Redisson.create(c));
        }
        try (Redlock holder = Redlock.builder().nodes(nodes.uris()).fifo(true)
                .fifoHeartbeatTimeout(Duration.ofSeconds(1)).build();
                Redlock crashing = Redlock.builder().clients(doomed).fifo(true)
                        .fifoHeartbeatTimeout(Duration.ofSeconds(1)).commandTimeout(Duration.ofMillis(300)).build();
                Redlock alive = Redlock.builder().nodes(nodes.uris()).fifo(true)
                        .fifoHeartbeatTimeout(Duration.ofSeconds(1)).build()) {
            Lock held = holder.acquire(List.of("fifo:b"), Duration.ofSeconds(60));
            CompletableFuture<Lock> first = crashing.acquireAsync(List.of("fifo:b"), Duration.ofSeconds(60),
                    Duration.ofSeconds(30)).toCompletableFuture();
            awaitTrue(() -> queued(holder, "fifo:b") == 1);
            CompletableFuture<Lock> second = alive.acquireAsync(List.of("fifo:b"), Duration.ofSeconds(60),
                    Duration.ofSeconds(60)).toCompletableFuture();
            awaitTrue(() -> queued(holder, "fifo:b") == 2);
            // the first waiter's process "dies": its connections go away, it stops heartbeating
            for (RedissonClient c : doomed) {
                c.shutdown();
            }
            held.release();
            Lock got = second.get(20, TimeUnit.SECONDS);
            assertThat(got.fencingToken()).isGreaterThan(held.fencingToken());
            got.release();
        }
    }

    /**
     * A FIFO waiter for several keys holds its place at the head of each key's queue until all its keys are free: a
     * key it heads stays idle meanwhile, even for a waiter of that key alone (strict per-key order, so head-of-line
     * blocking), while an engine without FIFO mode ignores the queues and is granted the idle key at once.
     */
    @Test
    void aMultiKeyHeadWaiter_keepsItsFreeKeyIdle_butANonFifoEngineBargesIn(RedisNodes nodes) throws Exception {
        try (Redlock fifo = Redlock.builder().nodes(nodes.uris()).fifo(true).build();
                Redlock multi = Redlock.builder().nodes(nodes.uris()).fifo(true).build();
                Redlock plain = Redlock.builder().nodes(nodes.uris()).build()) {
            Lock busy = fifo.acquire(List.of("fifo:busy"), Duration.ofSeconds(60));
            CompletableFuture<Lock> both = multi.acquireAsync(List.of("fifo:idle", "fifo:busy"), Duration.ofSeconds(60),
                    Duration.ofSeconds(60)).toCompletableFuture();
            // queued on both keys (inspect shows held keys only, so the free key's queue is read on the nodes)
            awaitTrue(() -> queued(fifo, "fifo:busy") == 1 && nodes.nodes().stream()
                    .allMatch(n -> Long.valueOf(1).equals(n.execute("ZCARD", "{fifo:idle}:q"))));

            assertThat(fifo.isLocked("fifo:idle")).as("nobody holds it").isFalse();
            assertThat(fifo.tryAcquire(List.of("fifo:idle"), Duration.ofSeconds(10), Duration.ZERO))
                    .as("a FIFO engine waits behind the head waiter, which waits for fifo:busy").isEmpty();
            Lock barged = plain.tryAcquire(List.of("fifo:idle"), Duration.ofSeconds(10), Duration.ZERO)
                    .orElseThrow(() -> new AssertionError("a non-FIFO engine is granted a free key at once"));
            assertThat(both).isNotDone();
            barged.release();

            busy.release();
            Lock granted = both.get(20, TimeUnit.SECONDS);
            granted.release();
            assertThat(fifo.tryAcquire(List.of("fifo:idle"), Duration.ofSeconds(10), Duration.ofSeconds(10)))
                    .isPresent();
        }
    }

    @Test
    void uncontended_fifoLock_isGrantedAtOnce(RedisNodes nodes) {
        try (Redlock r = Redlock.builder().nodes(nodes.uris()).fifo(true).build()) {
            r.acquire(List.of("fifo:c"), Duration.ofSeconds(10), Duration.ZERO).release();
            assertThat(r.tryAcquire(List.of("fifo:c"), Duration.ofSeconds(10), Duration.ZERO)).isPresent();
        }
    }
}
