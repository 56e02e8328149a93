package dev.redlock.bench.jmh;

import java.time.Duration;
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

import dev.redlock.bench.cdi.CdiBench;
import dev.redlock.testkit.RedisNodes;

/**
 * The CDI path's cost over the engine: {@code redlock.lock(resource, options, fn)} through an injected {@code @Meta}
 * bean in a Weld SE container, against {@code Redlock.using(keys, leaseTime, null, fn)} on the engine directly, each on a
 * fresh local node of its own (the engine's state is {@link AllocationBenchmark}'s). Both arm the automatic extension and run an empty function. Read the time per
 * operation and {@code gc.alloc.rate.norm} (bytes per operation) from {@code -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class CdiPathBenchmark {

    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Runnable NOTHING = () -> {
    };

    /** A Weld SE container with the redlock extension and the meta bean, on one node. */
    @State(Scope.Benchmark)
    public static class CdiState {
        RedisNodes nodes;
        CdiBench cdi;

        @Setup(Level.Trial)
        public void setUp() {
            nodes = AllocationBenchmark.startNode();
            try {
                cdi = new CdiBench(nodes.uris(), TTL, metrics());
            } catch (RuntimeException e) {
                nodes.close();
                throw e;
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            cdi.close();
            nodes.close();
        }

        /** Whether the container has redlock-micrometer and a registry: no here, see MetricsOverheadBenchmark. */
        boolean metrics() {
            return false;
        }
    }

    /**
     * The engine directly: {@code using}.
     *
     * @param s the state
     */
    @Benchmark
    public void engineUsing(AllocationBenchmark.EngineState s) {
        s.redlock.using(s.keys, TTL, null, lock -> null);
    }

    /**
     * The injected meta bean: {@code lock(MetaRedlock_.Lock.bench("jmh"), options, fn)}.
     *
     * @param s the state
     */
    @Benchmark
    public void cdiMetaBean(CdiState s) {
        s.cdi.locked("jmh", NOTHING);
    }
}
