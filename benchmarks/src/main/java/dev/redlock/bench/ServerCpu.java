package dev.redlock.bench;

import java.util.List;

/**
 * The {@code redis-server} processes the current run uses: the driver names them before each run, and
 * {@link Counters#now()} (or, for node-redlock, the Node.js script) reads their CPU time around the timed section,
 * so a workload's server CPU per operation is reported beside the client's. One run at a time, as the driver runs.
 */
final class ServerCpu {

    private static volatile List<Long> pids = List.of();

    private ServerCpu() {
    }

    /**
     * Names the server processes of the next run; an empty list stops the measurement.
     *
     * @param serverPids the process ids of the nodes the workload uses
     */
    static void watch(List<Long> serverPids) {
        pids = List.copyOf(serverPids);
    }

    /** The process ids named by {@link #watch}; empty if none. */
    static List<Long> pids() {
        return pids;
    }

    /** The summed utime + stime of the watched servers in clock ticks, or -1 if none are watched or readable. */
    static long ticks() {
        List<Long> p = pids;
        return p.isEmpty() ? -1 : Proc.cpuTicksOf(p);
    }
}
