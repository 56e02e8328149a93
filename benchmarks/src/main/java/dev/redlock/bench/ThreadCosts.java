package dev.redlock.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the driver JVM's CPU time and context switches went during a timed section, by thread group, per operation:
 * the difference of two {@link Snapshot}s of {@code /proc/self/task/<tid>/stat} (utime + stime), {@code status}
 * (switches) and {@code comm} (the thread's name, which the JVM sets, cut to 15 characters). Linux only; empty
 * elsewhere.
 *
 * <p>A thread that ends inside the section is missing from the after-snapshot, so its CPU time is not in its group:
 * the workloads keep their own threads alive until the after-snapshot, and {@link #processCpuUsPerOp} (from
 * {@code /proc/self/stat}, which keeps the time of ended threads) shows what the groups do not cover.
 *
 * @param groups            the figures per group; empty if not measured
 * @param processCpuUsPerOp the whole process's utime + stime per operation; {@code NaN} if not measured
 */
record ThreadCosts(Map<ThreadCosts.Kind, ThreadCosts.Cost> groups, double processCpuUsPerOp) {

    /** Not measured. */
    static final ThreadCosts NONE = new ThreadCosts(Map.of(), Double.NaN);

    ThreadCosts {
        groups = groups.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(groups));
    }

    /** Whether there are figures (Linux, and a section with operations). */
    boolean isEmpty() {
        return groups.isEmpty();
    }

    /** A group of threads, told apart by name. */
    enum Kind {
        /** The workload's own threads: the driver's runner ({@code bench-run-*}) and W2/W4 workers. */
        CALLER("workload caller(s) (`bench-*`)"),
        /** The engine's I/O threads. */
        IO("`redlock-io-*`"),
        /** The engine's scheduler. */
        SCHEDULER("`redlock-scheduler`"),
        /** The engine's per-lock timers. */
        TIMEOUTS("`redlock-timeouts`"),
        /** HotSpot's JIT compilers and the code cache sweeper. */
        JIT("JIT (`C1/C2 CompilerThread*`, sweeper)"),
        /** The garbage collector's threads and the VM thread (safepoint operations, GC pauses among them). */
        GC("GC + VM (`GC Thread#*`, `G1 *`, `VM Thread`)"),
        /** Everything else: the main thread, Redisson's or another library's threads. */
        OTHER("other");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The name in the report. */
        String label() {
            return label;
        }

        /**
         * The group of a thread.
         *
         * @param comm its name as {@code /proc/self/task/<tid>/comm} has it (at most 15 characters)
         * @return the group
         */
        static Kind of(String comm) {
            if (comm.startsWith("bench-")) {
                return CALLER;
            }
            if (comm.startsWith("redlock-io-")) {
                return IO;
            }
            if (comm.startsWith("redlock-schedul")) {
                return SCHEDULER;
            }
            if (comm.startsWith("redlock-timeout")) {
                return TIMEOUTS;
            }
            if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler") || comm.startsWith("Sweeper")) {
                return JIT;
            }
            if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.equals("VM Thread")) {
                return GC;
            }
            return OTHER;
        }
    }

    /**
     * One group's figures.
     *
     * @param threads          how many of its threads ran or switched inside the section
     * @param cpuUsPerOp       utime + stime per operation
     * @param voluntaryPerOp   voluntary context switches per operation (the thread blocked: waited for I/O or a lock)
     * @param involuntaryPerOp non-voluntary context switches per operation (the thread was preempted)
     */
    record Cost(int threads, double cpuUsPerOp, double voluntaryPerOp, double involuntaryPerOp) {
    }

    /**
     * The counters of one live thread.
     *
     * @param kind        its group
     * @param ticks       utime + stime in clock ticks
     * @param voluntary   voluntary context switches
     * @param involuntary non-voluntary context switches
     */
    record Task(Kind kind, long ticks, long voluntary, long involuntary) {
    }

    /**
     * The counters of every live thread at one moment.
     *
     * @param tasks        by thread id
     * @param processTicks the whole process's utime + stime ({@code /proc/self/stat}), ended threads included
     */
    record Snapshot(Map<Long, Task> tasks, long processTicks) {

        /** Not measured (not Linux). */
        static final Snapshot NONE = new Snapshot(Map.of(), -1);

        Snapshot {
            tasks = Map.copyOf(tasks);
        }

        /** Now; {@link #NONE} off Linux. */
        static Snapshot now() {
            Path dir = Path.of("/proc/self/task");
            if (!Files.isDirectory(dir)) {
                return NONE;
            }
            Map<Long, Task> tasks = new HashMap<>();
            try (Stream<Path> list = Files.list(dir)) {
                for (Path t : (Iterable<Path>) list::iterator) {
                    Task task = read(t);
                    if (task != null) {
                        tasks.put(Long.parseLong(t.getFileName().toString()), task);
                    }
                }
            } catch (IOException | RuntimeException e) {
                return NONE;
            }
            return new Snapshot(tasks, Proc.cpuTicks(Path.of("/proc/self/stat")));
        }

        /** The switches of every live thread; -1 if not measured. */
        long switches() {
            return this == NONE ? -1 : tasks.values().stream().mapToLong(t -> t.voluntary + t.involuntary).sum();
        }

        private static @org.jspecify.annotations.Nullable Task read(Path task) {
            try {
                String comm = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).strip();
                long ticks = Proc.cpuTicks(task.resolve("stat"));
                long[] sw = Proc.switches(task.resolve("status"));
                return ticks < 0 || sw == null ? null : new Task(Kind.of(comm), ticks, sw[0], sw[1]);
            } catch (IOException e) {
                return null; // the thread ended while we read
            }
        }
    }

    /**
     * The per-operation figures of a section.
     *
     * @param before the snapshot at its start
     * @param after  the snapshot at its end, taken while the workload's threads still live
     * @param ops    the operations (pairs or grants) in it
     * @return the figures, or {@link #NONE} if either snapshot is missing or there were no operations
     */
    static ThreadCosts between(Snapshot before, Snapshot after, long ops) {
        if (ops <= 0 || before.tasks.isEmpty() || after.tasks.isEmpty()) {
            return NONE;
        }
        Map<Kind, long[]> sums = new EnumMap<>(Kind.class); // threads, ticks, voluntary, involuntary
        for (Kind k : Kind.values()) {
            sums.put(k, new long[4]);
        }
        after.tasks.forEach((tid, a) -> {
            Task b = before.tasks.get(tid);
            if (b == null || b.kind != a.kind || b.ticks > a.ticks) {
                b = new Task(a.kind, 0, 0, 0); // started inside the section (or a reused id)
            }
            long ticks = a.ticks - b.ticks;
            long vol = a.voluntary - b.voluntary;
            long invol = a.involuntary - b.involuntary;
            long[] s = sums.get(a.kind);
            if (ticks > 0 || vol > 0 || invol > 0) {
                s[0]++;
            }
            s[1] += ticks;
            s[2] += vol;
            s[3] += invol;
        });
        Map<Kind, Cost> groups = new EnumMap<>(Kind.class);
        double n = ops;
        sums.forEach((k, s) -> groups.put(k, new Cost((int) s[0], Proc.micros(s[1]) / n, s[2] / n, s[3] / n)));
        double process = before.processTicks < 0 || after.processTicks < 0
                ? Double.NaN
                : Proc.micros(after.processTicks - before.processTicks) / n;
        return new ThreadCosts(groups, process);
    }
}
