package dev.redlock.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import dev.redlock.core.internal.EngineCounters;

/**
 * A snapshot of what the driver's JVM spent so far: process CPU time, context switches of all its live threads
 * (summed over {@code /proc/self/task/*}/status, since {@code /proc/self/status} counts the main thread only), and the
 * engine's acquire-script counters. The difference of two snapshots around a timed section, divided by its
 * operations, is the client's cost per operation.
 *
 * @param cpuNanos       process CPU time
 * @param switches       voluntary plus non-voluntary context switches of the live threads; -1 off Linux
 * @param scripts        acquire scripts every engine sent
 * @param failedScripts  acquire scripts a node refused as held
 * @param grants         grants every engine made
 */
record Counters(long cpuNanos, long switches, long scripts, long failedScripts, long grants) {

    /** Now. */
    static Counters now() {
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new Counters(cpu, contextSwitches(), EngineCounters.acquireScripts(),
                EngineCounters.failedAcquireScripts(), EngineCounters.grants());
    }

    /**
     * Puts client CPU µs per op, context switches per op and, if an engine granted in between, the failed acquire
     * scripts per grant into {@code m}.
     *
     * @param before the snapshot at the start of the timed section
     * @param ops    the operations (pairs or grants) in the section
     * @param m      where the figures go
     */
    void since(Counters before, long ops, Map<Metric, Double> m) {
        if (ops <= 0) {
            return;
        }
        m.put(Metric.CPU_US_PER_OP, (cpuNanos - before.cpuNanos) / 1e3 / ops);
        if (switches >= 0 && before.switches >= 0) {
            m.put(Metric.CSW_PER_OP, (double) (switches - before.switches) / ops);
        }
        long g = grants - before.grants;
        if (g > 0) {
            m.put(Metric.SCRIPTS_PER_GRANT, (double) (scripts - before.scripts) / g);
            m.put(Metric.FAILED_SCRIPTS_PER_GRANT, (double) (failedScripts - before.failedScripts) / g);
        }
    }

    private static long contextSwitches() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long total = 0;
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path t : (Iterable<Path>) list::iterator) {
                total += switchesOf(t.resolve("status"));
            }
        } catch (IOException e) {
            return -1;
        }
        return total;
    }

    private static long switchesOf(Path status) {
        long n = 0;
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                    n += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended while we read
        }
        return n;
    }
}
