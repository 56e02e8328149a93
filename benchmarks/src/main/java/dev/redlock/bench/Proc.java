package dev.redlock.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads Linux's {@code /proc}: the CPU time of a process or thread ({@code stat} fields 14 and 15, utime and stime,
 * in clock ticks) and its context switches ({@code status}). Every reader returns -1 where {@code /proc} is not
 * there (not Linux) or the task ended while it was read.
 */
final class Proc {

    /** What Linux uses on every common architecture; assumed if {@code getconf CLK_TCK} cannot be run. */
    static final long DEFAULT_CLOCK_TICKS = 100;

    private static volatile long clockTicks;
    private static volatile boolean clockTicksAssumed;

    private Proc() {
    }

    /** Whether {@code /proc} is there (Linux). */
    static boolean available() {
        return Files.isDirectory(Path.of("/proc/self/task"));
    }

    /** Clock ticks per second ({@code getconf CLK_TCK}, read once), or {@value #DEFAULT_CLOCK_TICKS} if unknown. */
    static long clockTicks() {
        long t = clockTicks;
        if (t == 0) {
            t = getconfClockTicks();
            clockTicksAssumed = t <= 0;
            t = t <= 0 ? DEFAULT_CLOCK_TICKS : t;
            clockTicks = t;
        }
        return t;
    }

    /** Whether {@link #clockTicks()} is the assumed default rather than what {@code getconf} said. */
    static boolean clockTicksAssumed() {
        clockTicks();
        return clockTicksAssumed;
    }

    /** Microseconds in {@code ticks} clock ticks. */
    static double micros(long ticks) {
        return ticks * 1e6 / clockTicks();
    }

    /**
     * utime + stime of the process or thread whose {@code stat} file this is.
     *
     * @param stat e.g. {@code /proc/1234/stat} (the whole process) or {@code /proc/self/task/99/stat} (one thread)
     * @return clock ticks, or -1
     */
    static long cpuTicks(Path stat) {
        try {
            String s = Files.readString(stat, StandardCharsets.UTF_8);
            // the name (field 2) is in parentheses and may hold spaces or ')': count fields after the last ')'
            String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split(" ");
            return Long.parseLong(f[14 - 3]) + Long.parseLong(f[15 - 3]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The summed CPU time of processes.
     *
     * @param pids the process ids
     * @return clock ticks, or -1 if any of them cannot be read
     */
    static long cpuTicksOf(List<Long> pids) {
        long total = 0;
        for (long pid : pids) {
            long t = cpuTicks(Path.of("/proc", Long.toString(pid), "stat"));
            if (t < 0) {
                return -1;
            }
            total += t;
        }
        return total;
    }

    /**
     * The voluntary and non-voluntary context switches of one thread.
     *
     * @param status e.g. {@code /proc/self/task/99/status}
     * @return {voluntary, non-voluntary}, or {@code null} if it cannot be read
     */
    static long @org.jspecify.annotations.Nullable [] switches(Path status) {
        long[] n = {-1, -1};
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("voluntary_ctxt_switches:")) {
                    n[0] = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                    n[1] = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return null; // the thread ended while we read
        }
        return n[0] < 0 || n[1] < 0 ? null : n;
    }

    private static long getconfClockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return -1;
            }
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
