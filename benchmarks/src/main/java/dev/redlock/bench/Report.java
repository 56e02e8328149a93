package dev.redlock.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes the Markdown results file: header, one table per workload, the targets of issue 8, notices. */
final class Report {

    static final String OURS = "redlock";
    static final String OURS_FIFO = "redlock-fifo";
    static final String RLOCK = "redisson-rlock";
    static final String FAIR = "redisson-fairlock";
    static final String MULTI = "redisson-multilock";
    static final String REDLOCK = "redisson-redlock";
    static final String NODE = "node-redlock";
    static final String USING = "redlock-using";
    static final String CDI = "redlock-cdi";
    static final String LIMIT = "limit";

    private final Results r;
    private final Map<String, String> labels;
    private final StringBuilder md = new StringBuilder();

    private Report(Results results, Map<String, String> labels) {
        this.r = results;
        this.labels = labels;
    }

    /**
     * The whole file.
     *
     * @param results the samples
     * @param labels  report names by implementation id
     * @param header  the "what / value" rows of the header table
     * @param banners warnings shown above everything (busy machine, quick mode)
     * @param notices skipped references and failures
     * @param chart   the chart's file name, relative to the results file, or empty
     * @return Markdown
     */
    static String render(Results results, Map<String, String> labels, Map<String, String> header,
            List<String> banners, List<String> notices, String chart) {
        Report report = new Report(results, labels);
        report.write(header, banners, notices, chart);
        return report.md.toString();
    }

    private void write(Map<String, String> header, List<String> banners, List<String> notices, String chart) {
        line("# Redlock benchmarks");
        line("");
        for (String b : banners) {
            line("> **" + b + "**");
            line("");
        }
        line("| what | value |");
        line("|---|---|");
        header.forEach((k, v) -> line("| " + k + " | " + v + " |"));
        line("");
        line("Every figure: median of the runs, (min–max) beside it. Every ratio: of medians from this one run.");
        line("");
        limit();
        w1();
        w2();
        w3();
        w4(chart);
        costs();
        w6();
        targets();
        line("The client-side allocation per acquire+release is measured by JMH (`-Pjmh`, `-prof gc`), not by this");
        line("driver.");
        line("");
        if (!notices.isEmpty()) {
            line("## Notices");
            line("");
            notices.forEach(n -> line("- " + n));
            line("");
        }
    }

    private void limit() {
        line("## The limit (same server, `redis-benchmark` EVALSHA, and the loopback round trip)");
        line("");
        line("| figure | median (min–max) |");
        line("|---|---|");
        for (Metric m : List.of(Metric.ACQUIRE_C1, Metric.RELEASE_C1, Metric.PAIR_C1, Metric.ACQUIRE_C16,
                Metric.RELEASE_C16, Metric.PAIR_C16, Metric.RTT_CLI_US, Metric.RTT_PING_US)) {
            line("| " + m.label() + " | " + cell(Workload.LIMIT, LIMIT, m) + " |");
        }
        line("");
        line("A pair rate is 1 / (1/acquire + 1/release) of the two script rates measured separately.");
        line("");
    }

    private void w1() {
        uncontended(Workload.W1, "## W1: uncontended, serial, 1 node", Metric.PAIR_C1, true);
    }

    private void w2() {
        uncontended(Workload.W2, "## W2: uncontended, 16 in flight, 1 node", Metric.PAIR_C16, false);
        uncontended(Workload.W2A, "## W2a: uncontended, 16 in flight through the CompletionStage API from one thread,"
                + " 1 node (node-redlock: its W2, which is this shape)", Metric.PAIR_C16, false);
    }

    private void uncontended(Workload w, String title, Metric limit, boolean latencies) {
        line(title);
        line("");
        line("| implementation | ops/s" + (latencies ? " | pair p50 µs | pair p99 µs" : "")
                + " | × Redisson RLock | × node-redlock | × limit (" + limit.label().replace(" /s", "")
                + ") | client CPU µs/op | server CPU µs/op | context switches/op |");
        line("|---|---|---|---|---|---|---|---|" + (latencies ? "---|---|" : ""));
        for (String id : r.ids(w)) {
            line("| " + name(w, id) + " | " + cell(w, id, Metric.OPS_PER_S)
                    + (latencies ? " | " + cell(w, id, Metric.P50_US) + " | " + cell(w, id, Metric.P99_US) : "")
                    + " | " + ratio(w, id, RLOCK, Metric.OPS_PER_S) + " | " + ratio(w, id, NODE, Metric.OPS_PER_S)
                    + " | " + ratio(r.median(w, id, Metric.OPS_PER_S), r.median(Workload.LIMIT, LIMIT, limit)) + " | "
                    + cell(w, id, Metric.CPU_US_PER_OP) + " | " + cell(w, id, Metric.SERVER_CPU_US_PER_OP) + " | "
                    + cell(w, id, Metric.CSW_PER_OP) + " |");
        }
        line("");
    }

    private void w3() {
        line("## W3: quorum, W1 over 3 and 5 independent nodes");
        line("");
        line("| implementation | nodes | ops/s | pair p50 µs | pair p99 µs | p50 ÷ own W1 p50 | client CPU µs/op"
                + " | server CPU µs/op | context switches/op |");
        line("|---|---|---|---|---|---|---|---|---|");
        for (Workload w : List.of(Workload.W3_3, Workload.W3_5)) {
            for (String id : r.ids(w)) {
                line("| " + name(w, id) + " | " + w.nodes() + " | " + cell(w, id, Metric.OPS_PER_S) + " | "
                        + cell(w, id, Metric.P50_US) + " | " + cell(w, id, Metric.P99_US) + " | "
                        + ratio(r.median(w, id, Metric.P50_US), r.median(Workload.W1, w1Twin(id), Metric.P50_US))
                        + " | " + cell(w, id, Metric.CPU_US_PER_OP) + " | " + cell(w, id, Metric.SERVER_CPU_US_PER_OP)
                        + " | " + cell(w, id, Metric.CSW_PER_OP) + " |");
            }
        }
        line("");
        line("Redisson's multi-node locks are compared with Redisson RLock's W1 p50.");
        line("");
    }

    private static String w1Twin(String id) {
        return id.equals(MULTI) || id.equals(REDLOCK) ? RLOCK : id;
    }

    private void w4(String chart) {
        line("## W4 + W5: contended, 8 workers with their own connections, one resource");
        line("");
        line("| implementation | grants/s | wait p50 ms | wait p99 ms | hand-over wait p50 ms | hand-over wait p99 ms"
                + " | per-worker min/max | handoff p50 µs | handoff p99 µs | hand-overs/s | W5 violations (all runs)"
                + " | client CPU µs/grant | server CPU µs/grant | context switches/grant | failed acquire scripts/grant |");
        line("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (String id : r.ids(Workload.W4)) {
            Workload w = Workload.W4;
            double v = r.sum(w, id, Metric.VIOLATIONS);
            line("| " + name(w, id) + " | " + cell(w, id, Metric.GRANTS_PER_S) + " | " + cell(w, id, Metric.WAIT_P50_MS)
                    + " | " + cell(w, id, Metric.WAIT_P99_MS) + " | " + cell(w, id, Metric.HANDOVER_WAIT_P50_MS) + " | "
                    + cell(w, id, Metric.HANDOVER_WAIT_P99_MS) + " | " + cell(w, id, Metric.FAIRNESS) + " | "
                    + cell(w, id, Metric.HANDOFF_P50_US) + " | " + cell(w, id, Metric.HANDOFF_P99_US) + " | "
                    + cell(w, id, Metric.HANDOVERS_PER_S) + " | " + (Double.isNaN(v) ? "–" : fmt(v, 0)) + " | "
                    + cell(w, id, Metric.CPU_US_PER_OP) + " | " + cell(w, id, Metric.SERVER_CPU_US_PER_OP) + " | "
                    + cell(w, id, Metric.CSW_PER_OP) + " | " + cell(w, id, Metric.FAILED_SCRIPTS_PER_GRANT) + " |");
        }
        line("");
        line("Wait: request to grant, every grant. Hand-over wait: the same for the grants that went to a different worker");
        line("than the previous holder (a waiter's wait, without the releaser's own re-takes). Handoff: from a release to");
        line("the next grant to a *different* worker. Hand-overs/s: how often the lock changed hands; throughput with few");
        line("hand-overs and a low min/max was won by barging.");
        line("");
        if (!chart.isEmpty()) {
            line("![W4 wait-time distribution](" + chart + ")");
            line("");
        }
    }

    /** Where the client CPU time of the engine went, by thread group, and the servers' beside it. */
    private void costs() {
        line("## Costs per operation");
        line("");
        line("Client CPU µs/op: the driver JVM's process CPU time (`getProcessCpuTime`) over the timed section, per"
                + " pair (W4: per grant);");
        line("for node-redlock the Node.js process's (`process.cpuUsage()`). Context switches/op: voluntary plus"
                + " non-voluntary");
        line("of every live thread (`/proc/self/task/*/status`; Node.js: `process.resourceUsage()`). Server CPU µs/op:"
                + " utime + stime");
        line("(`/proc/<pid>/stat` fields 14 and 15) of the `redis-server` processes of the nodes the workload uses,"
                + " read around the");
        double tickMs = 1e3 / Proc.clockTicks();
        line("same timed section (by the Node.js script itself for node-redlock), in clock ticks of " + fmt(tickMs, 0)
                + " ms (" + Proc.clockTicks() + " per second, "
                + (Proc.clockTicksAssumed() ? "assumed: `getconf CLK_TCK` could not be run" : "from `getconf CLK_TCK`")
                + "). The tick bounds the error: one tick per process or thread and section, "
                + fmt(tickMs * 1e3 / 20_000, 1) + " µs/op over W1's 20,000 pairs, " + fmt(tickMs * 1e3 / 5_000, 0)
                + " µs/grant over W4's 5,000 grants; quick mode's short sections make these figures coarse.");
        line("");
        boolean any = false;
        for (Workload w : List.of(Workload.W1, Workload.W2, Workload.W2A, Workload.W3_3, Workload.W3_5, Workload.W4)) {
            for (String id : List.of(OURS, OURS_FIFO)) {
                List<ThreadCosts> runs = r.samples(w, id).stream().map(Sample::threads).toList();
                if (runs.isEmpty()) {
                    continue;
                }
                if (!any) {
                    line("### Where the engine's client CPU goes, by thread");
                    line("");
                    line("Per thread from `/proc/self/task/<tid>/stat` (CPU, in clock ticks), `status` (switches) and"
                            + " `comm` (the name,");
                    line("cut to 15 characters), grouped by name. Threads: how many of the group ran or switched in"
                            + " the section.");
                    line("Voluntary: the thread blocked (waited for I/O, a lock or a hand-off); involuntary: it was"
                            + " preempted. The");
                    line("workloads keep their threads alive until the after-snapshot; the whole-process row"
                            + " (`/proc/self/stat`) also");
                    line("holds threads that ended inside the section, and differs from the sum by those and by the"
                            + " tick rounding of each thread.");
                    line("");
                    any = true;
                }
                threadTable(w, id, runs);
            }
        }
    }

    private void threadTable(Workload w, String id, List<ThreadCosts> runs) {
        line("#### " + w.display() + ", " + labels.getOrDefault(id, id) + (runs.size() == 1
                ? ""
                : " (median of "
                        + runs.size() + " runs, min–max)"));
        line("");
        line("| thread group | threads | CPU µs/op | voluntary switches/op | involuntary switches/op |");
        line("|---|---|---|---|---|");
        if (runs.stream().allMatch(ThreadCosts::isEmpty)) {
            line("| – (Linux only: `/proc/self/task` is not there) | – | – | – | – |");
            line("");
            return;
        }
        for (ThreadCosts.Kind k : ThreadCosts.Kind.values()) {
            line("| " + k.label() + " | " + spread(runs, t -> t.groups().get(k).threads(), 0) + " | "
                    + spread(runs, t -> t.groups().get(k).cpuUsPerOp(), 1) + " | "
                    + spread(runs, t -> t.groups().get(k).voluntaryPerOp(), 2) + " | "
                    + spread(runs, t -> t.groups().get(k).involuntaryPerOp(), 2) + " |");
        }
        line("| sum of the groups | | " + spread(runs, t -> t.groups().values().stream()
                .mapToDouble(ThreadCosts.Cost::cpuUsPerOp).sum(), 1) + " | "
                + spread(runs, t -> t.groups().values().stream().mapToDouble(ThreadCosts.Cost::voluntaryPerOp).sum(), 2)
                + " | " + spread(runs, t -> t.groups().values().stream()
                        .mapToDouble(ThreadCosts.Cost::involuntaryPerOp).sum(), 2)
                + " |");
        line("| whole process (`/proc/self/stat`) | | " + spread(runs, ThreadCosts::processCpuUsPerOp, 1) + " | | |");
        line("| `redis-server` (" + w.nodes() + (w.nodes() == 1 ? " node" : " nodes") + ") | | "
                + cell(w, id, Metric.SERVER_CPU_US_PER_OP) + " | | |");
        line("");
    }

    private static String spread(List<ThreadCosts> runs, java.util.function.ToDoubleFunction<ThreadCosts> figure,
            int decimals) {
        Stats.Spread s = Stats.Spread.of(runs.stream().filter(t -> !t.isEmpty()).map(figure::applyAsDouble)
                .toList());
        return spread(s, decimals);
    }

    private static String spread(Stats.Spread s, int decimals) {
        if (s.isEmpty()) {
            return "–";
        }
        String median = fmt(s.median(), decimals);
        return s.runs() == 1 ? median : median + " (" + fmt(s.min(), decimals) + "–" + fmt(s.max(), decimals) + ")";
    }

    private void w6() {
        line("## W6: the full path, an injected meta bean in Weld SE");
        line("");
        line("W1 and W4 through a callback API: the engine's `using(keys, leaseTime, null, fn)` and an injected `@Meta` bean's");
        line("`lock(resource, options, fn)` in a Weld SE container (for the W4 shape, one container per worker). Both arm");
        line("the automatic extension; the CDI path adds the typed resource, the key format, the nested-lock guard and");
        line("the container's proxies.");
        line("");
        line("| shape | implementation | ops/s or grants/s | p50 (pair µs or wait ms) | p99 | per-worker min/max | × engine `using` | × engine acquire/release (W1/W4 row) |");
        line("|---|---|---|---|---|---|---|---|");
        for (Workload w : List.of(Workload.W6_1, Workload.W6_4)) {
            boolean serial = w == Workload.W6_1;
            Metric rate = serial ? Metric.OPS_PER_S : Metric.GRANTS_PER_S;
            Metric p50 = serial ? Metric.P50_US : Metric.WAIT_P50_MS;
            Metric p99 = serial ? Metric.P99_US : Metric.WAIT_P99_MS;
            Workload twin = serial ? Workload.W1 : Workload.W4;
            for (String id : r.ids(w)) {
                line("| " + (serial ? "W1" : "W4") + " | " + name(w, id) + " | " + cell(w, id, rate) + " | "
                        + cell(w, id, p50) + " | " + cell(w, id, p99) + " | "
                        + (serial ? "–" : cell(w, id, Metric.FAIRNESS)) + " | " + ratio(w, id, USING, rate) + " | "
                        + ratio(r.median(w, id, rate), r.median(twin, OURS, rate)) + " |");
            }
        }
        line("");
    }

    private void targets() {
        line("## Targets of issue 15 (this run)");
        line("");
        line("| target | measured | verdict |");
        line("|---|---|---|");
        double w1 = r.median(Workload.W1, OURS, Metric.OPS_PER_S);
        atLeast("W1 ≥ 1.2× Redisson RLock ops/s", w1 / r.median(Workload.W1, RLOCK, Metric.OPS_PER_S), 1.2);
        atLeast("W1 ≥ 1.0× node-redlock ops/s", w1 / r.median(Workload.W1, NODE, Metric.OPS_PER_S), 1.0);
        double w2 = r.median(Workload.W2, OURS, Metric.OPS_PER_S);
        atLeast("W2 (threads) ≥ 2× Redisson RLock ops/s", w2 / r.median(Workload.W2, RLOCK, Metric.OPS_PER_S), 2.0);
        atLeast("W2a ≥ 1.0× node-redlock ops/s",
                r.median(Workload.W2A, OURS, Metric.OPS_PER_S) / r.median(Workload.W2A, NODE, Metric.OPS_PER_S), 1.0);
        double w1p50 = r.median(Workload.W1, OURS, Metric.P50_US);
        atMost("W3 p50 over 3 nodes ≤ 1.3× own W1 p50", r.median(Workload.W3_3, OURS, Metric.P50_US) / w1p50, 1.3);
        atMost("W3 p50 over 5 nodes ≤ 1.5× own W1 p50", r.median(Workload.W3_5, OURS, Metric.P50_US) / w1p50, 1.5);
        Workload w4 = Workload.W4;
        atMost("W4 failed acquire scripts per grant ≤ 1.5 (default mode)",
                r.median(w4, OURS, Metric.FAILED_SCRIPTS_PER_GRANT), 1.5);
        atLeast("W4 grants/s ≥ 1.5× Redisson RLock",
                r.median(w4, OURS, Metric.GRANTS_PER_S) / r.median(w4, RLOCK, Metric.GRANTS_PER_S), 1.5);
        atLeast("W4 per-worker min/max ≥ 0.8 (default mode)", r.median(w4, OURS, Metric.FAIRNESS), 0.8);
        atLeast("W4 per-worker min/max ≥ 0.95 (FIFO mode)", r.median(w4, OURS_FIFO, Metric.FAIRNESS), 0.95);
        atMost("W4 hand-over wait p99 ≤ 0.5× Redisson RLock's", r.median(w4, OURS, Metric.HANDOVER_WAIT_P99_MS)
                / r.median(w4, RLOCK, Metric.HANDOVER_WAIT_P99_MS), 0.5);
        // the verdict uses the PING loop's RTT: redis-cli --latency (BENCHMARKS.md's figure) sleeps between pings,
        // and its wake-ups inflate it badly on a loaded machine, which would make the bound lenient
        double cliRtt = r.median(Workload.LIMIT, LIMIT, Metric.RTT_CLI_US);
        double pingRtt = r.median(Workload.LIMIT, LIMIT, Metric.RTT_PING_US);
        double bound = 3 * pingRtt + 100;
        double handoff = r.median(w4, OURS, Metric.HANDOFF_P50_US);
        line("| W4 handoff p50 ≤ 3 RTT + 100 µs (" + fmt(bound, 0) + " µs with the PING-loop RTT; "
                + fmt(3 * cliRtt + 100, 0) + " µs with redis-cli's) | " + fmt(handoff, 0) + " µs | "
                + verdict(handoff, bound, false) + " |");
        List<String> violators = new ArrayList<>();
        boolean any = false;
        for (String id : r.ids(w4)) {
            double v = r.sum(w4, id, Metric.VIOLATIONS);
            if (!Double.isNaN(v)) {
                any = true;
                if (v > 0) {
                    violators.add(labels.getOrDefault(id, id) + ": " + fmt(v, 0));
                }
            }
        }
        line("| W5 zero violations, every implementation | "
                + (any ? violators.isEmpty() ? "0" : String.join("; ", violators) : "–") + " | "
                + (!any ? "n/a" : violators.isEmpty() ? "met" : "**MISSED**") + " |");
        // "within 1.05x": the engine's throughput is at most 1.05x the CDI path's, in both shapes
        double w6w1 = r.median(Workload.W6_1, USING, Metric.OPS_PER_S)
                / r.median(Workload.W6_1, CDI, Metric.OPS_PER_S);
        double w6w4 = r.median(Workload.W6_4, USING, Metric.GRANTS_PER_S)
                / r.median(Workload.W6_4, CDI, Metric.GRANTS_PER_S);
        atMost("W6 CDI path within 1.05× of the engine (`using` ops/s ÷ CDI ops/s, W1 shape)", w6w1, 1.05);
        atMost("W6 CDI path within 1.05× of the engine (`using` grants/s ÷ CDI grants/s, W4 shape)", w6w4, 1.05);
        line("");
    }

    private void atLeast(String what, double value, double target) {
        line("| " + what + " | " + fmt(value, 2) + "× | " + verdict(value, target, true) + " |");
    }

    private void atMost(String what, double value, double target) {
        line("| " + what + " | " + fmt(value, 2) + "× | " + verdict(value, target, false) + " |");
    }

    private static String verdict(double value, double target, boolean atLeast) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        return (atLeast ? value >= target : value <= target) ? "met" : "**MISSED**";
    }

    private String name(Workload w, String id) {
        String failure = r.failure(w, id);
        String label = labels.getOrDefault(id, id);
        return failure == null ? label : label + " ⚠ " + failure.replace("|", "/");
    }

    private String cell(Workload w, String id, Metric m) {
        return spread(r.spread(w, id, m), m.decimals());
    }

    private String ratio(Workload w, String id, String reference, Metric m) {
        return id.equals(reference) ? "1" : ratio(r.median(w, id, m), r.median(w, reference, m));
    }

    private static String ratio(double a, double b) {
        double q = a / b;
        return Double.isNaN(q) || Double.isInfinite(q) ? "–" : fmt(q, 2);
    }

    static String fmt(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    private void line(String s) {
        md.append(s).append('\n');
    }
}
