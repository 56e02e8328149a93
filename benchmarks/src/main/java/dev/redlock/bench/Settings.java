package dev.redlock.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The driver's settings, from system properties ({@code -Dbench.*}).
 *
 * @param quick      {@code bench.quick}: tiny sizes and one run, to check the driver end to end in seconds
 * @param runs       {@code bench.runs}: repetitions of every workload (default 3; 1 in quick mode)
 * @param only       {@code bench.only}: workload ids to run ({@code limit,W1,W2,W3,W4}); empty for all
 * @param impls      {@code bench.impls}: implementation ids to run; empty for all
 * @param out        {@code bench.out}: the directory the report and chart go to
 * @param basedir    {@code bench.basedir}: the {@code benchmarks} module directory (the Node.js script and its
 *                   install folder are found from it)
 * @param w1Ops      acquire+release pairs per W1 and W3 run
 * @param warmupOps  untimed pairs before each W1, W2 and W3 run (JIT and connection warm-up)
 * @param w2Ops      the W2 operation budget
 * @param w2Time     the W2 time budget
 * @param w2Workers  the W2 workers in flight
 * @param w4Workers  the W4 workers
 * @param w4Time     the W4 time budget
 * @param w4Grants   the W4 grant budget
 * @param ttl        the lock TTL in every workload
 * @param runTimeout the time after which one run of one implementation is abandoned as hung
 */
record Settings(boolean quick, int runs, Set<String> only, Set<String> impls, Path out, Path basedir, int w1Ops,
        int warmupOps, int w2Ops, Duration w2Time, int w2Workers, int w4Workers, Duration w4Time, int w4Grants,
        Duration ttl, Duration runTimeout) {

    static Settings fromSystemProperties() {
        boolean quick = flag(System.getProperty("bench.quick"));
        int runs = Integer.parseInt(System.getProperty("bench.runs", "0").isBlank()
                ? "0"
                : System.getProperty("bench.runs", "0").trim());
        if (runs <= 0) {
            runs = quick ? 1 : 3;
        }
        Path basedir = Path.of(System.getProperty("bench.basedir", "benchmarks")).toAbsolutePath().normalize();
        String outProp = System.getProperty("bench.out", "");
        Path out = outProp.isBlank() ? basedir.resolve("results") : Path.of(outProp).toAbsolutePath().normalize();
        if (quick) {
            out = basedir.resolve("target").resolve("bench-quick"); // quick output is never a results file
        }
        Set<String> only = list(System.getProperty("bench.only", ""));
        Set<String> impls = list(System.getProperty("bench.impls", ""));
        Duration ttl = Duration.ofSeconds(30);
        if (quick) {
            return new Settings(true, runs, only, impls, out, basedir, 300, 100, 2_000, Duration.ofSeconds(3), 16, 8,
                    Duration.ofSeconds(2), 300, ttl, Duration.ofSeconds(90));
        }
        // 10,000 warm-up pairs: with 2,000, C1/C2 compiled inside the first timed section (121 of the engine's
        // 261 µs of client CPU per W1 pair went to the JIT threads; ThreadCosts)
        return new Settings(false, runs, only, impls, out, basedir, 20_000, 10_000, 100_000, Duration.ofSeconds(20), 16,
                8, Duration.ofSeconds(10), 5_000, ttl, Duration.ofMinutes(5));
    }

    boolean selected(Workload workload) {
        return only.isEmpty() || only.contains(workload.id().toLowerCase(Locale.ROOT));
    }

    boolean selected(String implementation) {
        return impls.isEmpty() || impls.contains(implementation.toLowerCase(Locale.ROOT));
    }

    private static boolean flag(@org.jspecify.annotations.Nullable String value) {
        return value != null && (value.isEmpty() || value.equalsIgnoreCase("true"));
    }

    private static Set<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
