package dev.redlock.bench.jmh;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.redisson.Redisson;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import dev.redlock.core.Redlock;
import dev.redlock.testkit.RedisNodes;

/**
 * Client-side allocation (and time) per acquire+release on one local node: this project's engine against Redisson
 * {@code RLock}'s {@code lock(leaseTime)}+{@code unlock()}. Read {@code gc.alloc.rate.norm} (bytes per operation)
 * from {@code -prof gc}; both sides pay the same two round trips, so the time column mostly measures Redis.
 *
 * <p>Each benchmark has its own state, so one failing set-up (the engine before it is merged) leaves the other
 * measurable.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class AllocationBenchmark {

    private static final Duration TTL = Duration.ofSeconds(30);

    /** One fresh {@code redis-server}, started through the testkit. */
    static RedisNodes startNode() {
        return RedisNodes.builder().count(1).args("--save", "", "--appendonly", "no").start();
    }

    /** Redisson on one node. */
    @State(Scope.Benchmark)
    public static class RedissonState {
        RedisNodes nodes;
        RedissonClient client;
        RLock lock;

        @Setup(Level.Trial)
        public void setUp() {
            nodes = startNode();
            Config config = new Config();
            config.useSingleServer().setAddress(nodes.node(0).uri());
            client = Redisson.create(config);
            lock = client.getLock("jmh:rlock");
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            client.shutdown();
            nodes.close();
        }
    }

    /** This project's engine on one node. */
    @State(Scope.Benchmark)
    public static class EngineState {
        RedisNodes nodes;
        Redlock redlock;
        final List<String> keys = List.of("jmh:engine");

        @Setup(Level.Trial)
        public void setUp() {
            nodes = startNode();
            try {
                redlock = Redlock.builder().nodes(nodes.uris()).build();
            } catch (RuntimeException e) {
                nodes.close();
                throw e;
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            redlock.close();
            nodes.close();
        }
    }

    /**
     * Redisson RLock: lock with a fixed lease (no watchdog), then unlock, on the same thread.
     *
     * @param s the state
     */
    @Benchmark
    public void redissonRLock(RedissonState s) {
        s.lock.lock(TTL.toMillis(), TimeUnit.MILLISECONDS);
        s.lock.unlock();
    }

    /**
     * This project's engine: acquire, then release.
     *
     * @param s the state
     */
    @Benchmark
    public void engine(EngineState s) {
        s.redlock.acquire(s.keys, TTL).release();
    }
}
