package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.redlock.api.LockLostException;
import dev.redlock.core.Lock;
import dev.redlock.core.Pauses;
import dev.redlock.core.Redlock;
import dev.redlock.test.faults.FencedRegister;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/**
 * The stale holder of the Redlock critiques, end to end: a holder whose process pauses past its lease time loses the lock,
 * another client takes it and writes, the stale holder's late write is rejected by the fencing check of a storage
 * in a separate Redis, and the stale holder is told ({@code LockLostException} and its loss signal).
 */
@WithRedisNodes(count = 3)
final class PausedHolderIT {

    private static final Duration LEASE_TIME = Duration.ofMillis(500);

    @Test
    void aHolderPausedPastItsLeaseTime_losesTheLock_itsStaleWriteIsRejected_andItIsTold(RedisNodes nodes)
            throws Exception {
        ExecutorService holderThread = Executors.newSingleThreadExecutor();
        CompletableFuture<Void> resume = new CompletableFuture<>();
        try (RedisNodes storage = RedisNodes.start(1);
                FencedRegister register = new FencedRegister(storage.node(0).uri());
                Redlock a = Redlock.builder().nodes(nodes.uris()).build();
                Redlock b = Redlock.builder().nodes(nodes.uris()).build()) {
            try {
                run(a, b, register, resume, holderThread);
            } finally {
                resume.complete(null); // before the engines close
            }
        } finally {
            resume.complete(null);
            holderThread.shutdownNow();
        }
    }

    private static void run(Redlock a, Redlock b, FencedRegister register, CompletableFuture<Void> resume,
            ExecutorService holderThread) throws Exception {
        CompletableFuture<Void> aPaused = new CompletableFuture<>();
        CompletableFuture<Void> bWrote = new CompletableFuture<>();
        AtomicLong aToken = new AtomicLong();
        AtomicLong aWrite = new AtomicLong();
        AtomicReference<CompletableFuture<LockLostException>> aLost = new AtomicReference<>();
        Future<Object> aCall = holderThread.submit(() -> a.using(List.of("paused"), LEASE_TIME, null, lock -> {
            aToken.set(lock.fencingToken());
            aLost.set(lock.lost().toCompletableFuture());
            long value = register.read("paused");
            // the process pauses: its watchdog cannot extend, its thread makes no progress until B has written
            Pauses.stallWatchdog(a, resume);
            aPaused.complete(null);
            bWrote.get(30, TimeUnit.SECONDS); // bounded: a failing test must not leave this thread behind
            aWrite.set(register.write("paused", lock.fencingToken(), value + 1)); // the stale write
            return null;
        }));
        aPaused.get(10, TimeUnit.SECONDS);

        // granted once A's keys expire: A never released them
        try (Lock lock = b.acquire(List.of("paused"), LEASE_TIME, Duration.ofSeconds(10))) {
            assertThat(lock.fencingToken()).isGreaterThan(aToken.get());
            assertThat(register.write("paused", lock.fencingToken(), register.read("paused") + 1)).isEqualTo(1);
        }
        bWrote.complete(null);

        ExecutionException e = catchThrowableOfType(() -> aCall.get(10, TimeUnit.SECONDS),
                ExecutionException.class);
        assertThat(e).as("A's using must fail").isNotNull();
        assertThat(e.getCause()).isInstanceOf(LockLostException.class).hasMessageContaining("paused");
        assertThat(aWrite.get()).as("A's stale write").isEqualTo(-1);
        assertThat(aLost.get()).isCompletedWithValueMatching(x -> x == e.getCause());
        assertThat(register.read("paused")).isEqualTo(1);
        assertThat(register.accepted("paused")).isEqualTo(1);
    }
}
