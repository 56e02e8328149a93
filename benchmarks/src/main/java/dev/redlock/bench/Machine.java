package dev.redlock.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** What the results were measured on, read from {@code /proc} and the JVM where available. */
final class Machine {

    private Machine() {
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    static String cpuModel() {
        for (String line : lines("/proc/cpuinfo")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return System.getProperty("os.arch");
    }

    static String memory() {
        for (String line : lines("/proc/meminfo")) {
            if (line.startsWith("MemTotal:")) {
                long kb = Long.parseLong(line.replaceAll("\\D", ""));
                return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
            }
        }
        return "unknown";
    }

    static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    static String jdk() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vendor") + ")";
    }

    /** The 1-, 5- and 15-minute load averages, or "unknown". */
    static String loadAverage() {
        var lines = lines("/proc/loadavg");
        if (lines.length == 0) {
            return "unknown";
        }
        String[] f = lines[0].split("\\s+");
        return f[0] + ", " + f[1] + ", " + f[2];
    }

    /** The 1-minute load average, or {@code NaN}. */
    static double load1() {
        var lines = lines("/proc/loadavg");
        return lines.length == 0 ? Double.NaN : Double.parseDouble(lines[0].split("\\s+")[0]);
    }

    /**
     * Waits, at most {@code maxSeconds}, for the 1-minute load average to fall below half the core count: the build
     * that started the driver (Maven, javac) leaves it high for a minute, and the report would otherwise be labelled
     * busy for load this project's own build made.
     *
     * @param maxSeconds the longest wait
     * @return whether the machine became quiet
     * @throws InterruptedException if interrupted while waiting
     */
    static boolean awaitQuiet(int maxSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        while (!(load1() < 0.5 * cores())) {
            if (System.nanoTime() - deadline >= 0 || Double.isNaN(load1())) {
                return false;
            }
            Thread.sleep(5_000); // polling a kernel counter, not synchronising with anything
        }
        return true;
    }

    /** The version of a Maven artifact on the class path, from its {@code pom.properties}. */
    static String artifactVersion(String group, String artifact) {
        String path = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Machine.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String[] lines(String file) {
        try {
            return Files.readAllLines(Path.of(file)).toArray(String[]::new);
        } catch (IOException | RuntimeException e) {
            return new String[0];
        }
    }
}
