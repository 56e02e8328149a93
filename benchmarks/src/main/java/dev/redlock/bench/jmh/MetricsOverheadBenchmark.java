package dev.redlock.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The cost of {@code redlock-micrometer} on W6's path: {@code redlock.lock(resource, options, fn)} through an
 * injected {@code @Meta} bean in a Weld SE container ({@link CdiPathBenchmark#cdiMetaBean}), with
 * {@code metrics=false} (no registry, no extension) and {@code metrics=true} (the extension and a
 * {@code SimpleMeterRegistry} bean: the engine meters bound at start, the per-meta meters recorded from every lock
 * event). Each state has a fresh local node of its own.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class MetricsOverheadBenchmark {

    private static final Runnable NOTHING = () -> {
    };

    /** {@link CdiPathBenchmark}'s container, with or without the meters. */
    @State(Scope.Benchmark)
    public static class MeteredState extends CdiPathBenchmark.CdiState {
        /** Whether the metrics extension and a registry bean are deployed. */
        @Param({"false", "true"})
        public boolean metrics;

        @Override
        boolean metrics() {
            return metrics;
        }
    }

    /**
     * The injected meta bean: {@code lock(MetaRedlock_.Lock.bench("jmh"), options, fn)}.
     *
     * @param s the state
     */
    @Benchmark
    public void cdiMetaBean(MeteredState s) {
        s.cdi.locked("jmh", NOTHING);
    }
}
