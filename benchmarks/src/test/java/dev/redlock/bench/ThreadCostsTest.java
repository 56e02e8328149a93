package dev.redlock.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.redlock.bench.ThreadCosts.Kind;
import dev.redlock.bench.ThreadCosts.Snapshot;
import dev.redlock.bench.ThreadCosts.Task;

/** The /proc parsing and the per-group arithmetic of the thread breakdown. */
final class ThreadCostsTest {

    @Test
    void kind_groupsThreadsByTheirCutNames() {
        Map<String, Kind> expected = Map.ofEntries(Map.entry("bench-run-1", Kind.CALLER),
                Map.entry("bench-w2-16", Kind.CALLER), Map.entry("redlock-io-1", Kind.IO),
                Map.entry("redlock-schedul", Kind.SCHEDULER), Map.entry("redlock-timeout", Kind.TIMEOUTS),
                Map.entry("C2 CompilerThre", Kind.JIT), Map.entry("Sweeper thread", Kind.JIT),
                Map.entry("GC Thread#1", Kind.GC), Map.entry("G1 Refine#0", Kind.GC), Map.entry("VM Thread", Kind.GC),
                Map.entry("java", Kind.OTHER), Map.entry("redisson-netty-", Kind.OTHER));
        expected.forEach((comm, kind) -> assertThat(Kind.of(comm)).as(comm).isEqualTo(kind));
    }

    @Test
    void cpuTicks_readsFields14And15_evenWithSpacesAndParenthesesInTheName(@TempDir Path dir) throws Exception {
        Path stat = dir.resolve("stat");
        Files.writeString(stat, "4242 (a b) c)) S 1 4242 4242 0 -1 4194560 100 0 0 0 37 5 0 0 20 0 3 0 1 2 3\n");
        assertThat(Proc.cpuTicks(stat)).isEqualTo(42);
        assertThat(Proc.cpuTicks(dir.resolve("missing"))).isEqualTo(-1);
    }

    @Test
    void between_sumsPerGroup_countsNewThreadsFromZero_andDividesByOps() {
        long hz = Proc.clockTicks();
        Snapshot before = new Snapshot(Map.of(1L, new Task(Kind.IO, 10, 100, 1), 2L, new Task(Kind.CALLER, 5, 50, 0),
                3L, new Task(Kind.OTHER, 7, 7, 7)), 100);
        Snapshot after = new Snapshot(Map.of(1L, new Task(Kind.IO, 30, 140, 3), 2L, new Task(Kind.CALLER, 15, 70, 2),
                4L, new Task(Kind.IO, 10, 20, 0)), 150);
        ThreadCosts c = ThreadCosts.between(before, after, 10);
        double usPerTick = 1e6 / hz;
        assertThat(c.groups().get(Kind.IO)).isEqualTo(new ThreadCosts.Cost(2, 30 * usPerTick / 10, 6.0, 0.2));
        assertThat(c.groups().get(Kind.CALLER)).isEqualTo(new ThreadCosts.Cost(1, 10 * usPerTick / 10, 2.0, 0.2));
        assertThat(c.groups().get(Kind.OTHER).threads()).isZero(); // thread 3 ended: only the process row has it
        assertThat(c.processCpuUsPerOp()).isEqualTo(50 * usPerTick / 10);
        assertThat(ThreadCosts.between(Snapshot.NONE, after, 10).isEmpty()).isTrue();
        assertThat(ThreadCosts.between(before, after, 0).isEmpty()).isTrue();
    }

    @Test
    void snapshot_onLinux_seesThisThread() {
        assumeThat(Proc.available()).isTrue();
        Snapshot s = Snapshot.now();
        assertThat(s.tasks()).isNotEmpty();
        assertThat(s.processTicks()).isNotNegative();
        assertThat(s.switches()).isPositive();
    }
}
