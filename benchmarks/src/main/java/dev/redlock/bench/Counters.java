package dev.redlock.bench;

import java.lang.management.ManagementFactory;
import java.util.Map;

import dev.redlock.core.internal.EngineCounters;

/**
 * A snapshot of what the driver's JVM and the watched {@code redis-server} processes spent so far: process CPU time,
 * the counters of every live thread of the JVM ({@code /proc/self/task/*}; their context switches summed, since
 * {@code /proc/self/status} counts the main thread only), the servers' CPU time ({@link ServerCpu}) and the engine's
 * acquire-script counters. The difference of two snapshots around a timed section, divided by its operations, is
 * the cost per operation.
 *
 * @param cpuNanos      process CPU time
 * @param threads       every live thread's CPU time and switches; {@link ThreadCosts.Snapshot#NONE} off Linux
 * @param serverTicks   utime + stime of the watched servers in clock ticks; -1 if none are watched or off Linux
 * @param scripts       acquire scripts every engine sent
 * @param failedScripts acquire scripts a node refused as held
 * @param grants        grants every engine made
 */
record Counters(long cpuNanos, ThreadCosts.Snapshot threads, long serverTicks, long scripts, long failedScripts,
        long grants) {

    /** Now. */
    static Counters now() {
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new Counters(cpu, ThreadCosts.Snapshot.now(), ServerCpu.ticks(), EngineCounters.acquireScripts(),
                EngineCounters.failedAcquireScripts(), EngineCounters.grants());
    }

    /**
     * Puts client CPU µs per op, context switches per op, server CPU µs per op and, if an engine granted in between,
     * the failed acquire scripts per grant into {@code m}.
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
        long switches = threads.switches();
        long switchesBefore = before.threads.switches();
        if (switches >= 0 && switchesBefore >= 0) {
            m.put(Metric.CSW_PER_OP, (double) (switches - switchesBefore) / ops);
        }
        if (serverTicks >= 0 && before.serverTicks >= 0) {
            m.put(Metric.SERVER_CPU_US_PER_OP, Proc.micros(serverTicks - before.serverTicks) / ops);
        }
        long g = grants - before.grants;
        if (g > 0) {
            m.put(Metric.SCRIPTS_PER_GRANT, (double) (scripts - before.scripts) / g);
            m.put(Metric.FAILED_SCRIPTS_PER_GRANT, (double) (failedScripts - before.failedScripts) / g);
        }
    }

    /**
     * Where the client's CPU time went, by thread group, per operation.
     *
     * @param before the snapshot at the start of the timed section
     * @param ops    the operations in the section
     * @return the figures; {@link ThreadCosts#NONE} off Linux
     */
    ThreadCosts threadsSince(Counters before, long ops) {
        return ThreadCosts.between(before.threads, threads, ops);
    }
}
