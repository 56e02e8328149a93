package dev.redlock.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import dev.redlock.testkit.RedisNode;
import dev.redlock.testkit.RedisNodes;

/**
 * The side-by-side workload driver of {@code BENCHMARKS.md}: starts five fresh {@code redis-server} nodes through
 * the testkit, runs the limit and W1–W6 for this project's engine and the references, repeated (median with
 * min–max), and writes a Markdown table and a PNG chart of the W4 waits under {@code benchmarks/results/}.
 *
 * <p>Run it with {@code mvn -B -q -Pbench -DskipTests -pl benchmarks -am package} (see {@code docs/benchmarks.md}
 * for the settings). Repetitions are interleaved: every implementation runs repetition 1 of every workload before
 * any runs repetition 2, so slow drift of the shared machine spreads over all of them.
 */
public final class Driver {

    static final String COMMAND = "mvn -B -q -Pbench -DskipTests -pl benchmarks -am package";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm'Z'")
            .withZone(ZoneOffset.UTC);

    private final Settings settings;
    private final Results results = new Results();
    private final List<String> notices = new ArrayList<>();
    private final Set<String> broken = new HashSet<>();
    private final ExecutorService runner = Executors.newCachedThreadPool(Workloads.daemon("run"));

    private Driver(Settings settings) {
        this.settings = settings;
    }

    /**
     * Runs the benchmarks with the settings from {@code -Dbench.*} system properties.
     *
     * @param args ignored
     * @throws Exception if the servers cannot be started or the report cannot be written
     */
    public static void main(String[] args) throws Exception {
        int status = new Driver(Settings.fromSystemProperties()).run();
        System.exit(status); // daemon threads of an abandoned (hung) run must not keep the JVM alive
    }

    private int run() throws Exception {
        int settle = Integer.getInteger("bench.settle", 180);
        if (!settings.quick() && settle > 0) {
            System.out.println("bench: waiting up to " + settle + " s for the build's load to settle (load average "
                    + Machine.loadAverage() + ")");
            Machine.awaitQuiet(settle);
        }
        Instant started = Instant.now();
        String loadBefore = Machine.loadAverage();
        double load1Before = Machine.load1();
        System.out.println("bench: " + (settings.quick() ? "QUICK mode, " : "") + settings.runs()
                + " run(s) per figure; load average before: " + loadBefore);
        List<Contender> contenders = contenders();
        Map<String, String> labels = new LinkedHashMap<>();
        contenders.forEach(c -> labels.put(c.id(), c.label()));
        String redisVersion;
        String redisBinary;
        try (RedisNodes nodes = RedisNodes.builder().count(5).args("--save", "", "--appendonly", "no").start()) {
            RedisNode first = nodes.node(0);
            redisVersion = infoField(first, "redis_version");
            redisBinary = first.binary();
            for (int rep = 1; rep <= settings.runs(); rep++) {
                if (settings.selected(Workload.LIMIT)) {
                    limit(first, rep);
                }
                for (Workload w : List.of(Workload.W1, Workload.W2, Workload.W2A, Workload.W3_3, Workload.W3_5,
                        Workload.W4, Workload.W6_1, Workload.W6_4)) {
                    if (!settings.selected(w)) {
                        continue;
                    }
                    List<RedisNode> used = nodes.nodes().subList(0, w.nodes());
                    List<String> uris = used.stream().map(RedisNode::uri).toList();
                    List<Long> pids = used.stream().map(RedisNode::pid).toList();
                    for (Contender c : contenders) {
                        if (c.supports(w) && !broken.contains(c.id())) {
                            used.forEach(RedisNode::flushAll);
                            ServerCpu.watch(pids);
                            try {
                                runOne(c, w, uris, rep);
                            } finally {
                                ServerCpu.watch(List.of());
                            }
                        }
                    }
                }
            }
        } finally {
            runner.shutdownNow();
        }
        String loadAfter = Machine.loadAverage();
        write(started, labels, redisVersion, redisBinary, loadBefore, load1Before, loadAfter);
        return 0;
    }

    private List<Contender> contenders() {
        Set<Workload> lockWorkloads = EnumSet.of(Workload.W1, Workload.W2, Workload.W2A, Workload.W3_3, Workload.W3_5,
                Workload.W4);
        List<Contender> all = new ArrayList<>();
        all.add(new Contender.Java(Report.OURS, "redlock (this project)", lockWorkloads,
                (uris, perWorker) -> Adapters.engine(uris, false)));
        all.add(new Contender.Java(Report.OURS_FIFO, "redlock (this project), FIFO mode", EnumSet.of(Workload.W4),
                (uris, perWorker) -> Adapters.engine(uris, true)));
        all.add(new Contender.Java(Report.RLOCK, "Redisson RLock",
                EnumSet.of(Workload.W1, Workload.W2, Workload.W2A, Workload.W4),
                (uris, perWorker) -> Adapters.redissonLock(uris.get(0), false, perWorker)));
        all.add(new Contender.Java(Report.FAIR, "Redisson RFairLock", EnumSet.of(Workload.W4),
                (uris, perWorker) -> Adapters.redissonLock(uris.get(0), true, perWorker)));
        all.add(new Contender.Java(Report.MULTI, "RedissonMultiLock (every node)",
                EnumSet.of(Workload.W3_3, Workload.W3_5), (uris, perWorker) -> Adapters.redissonMulti(uris, false)));
        all.add(new Contender.Java(Report.REDLOCK, "RedissonRedLock (majority)",
                EnumSet.of(Workload.W3_3, Workload.W3_5), (uris, perWorker) -> Adapters.redissonMulti(uris, true)));
        all.add(new Contender.Java(Report.USING, "redlock engine, `using` (W6 reference)",
                EnumSet.of(Workload.W6_1, Workload.W6_4), (uris, perWorker) -> Adapters.engineUsing(uris)));
        all.add(new Contender.Java(Report.CDI, "redlock CDI meta bean, Weld SE", EnumSet.of(Workload.W6_1, Workload.W6_4),
                (uris, perWorker) -> Adapters.cdi(uris, settings.ttl())));
        List<Contender> selected = all.stream().filter(c -> settings.selected(c.id()))
                .collect(Collectors.toCollection(ArrayList::new));
        if (settings.selected(Report.NODE)) {
            NodeRedlock node = NodeRedlock.prepare(settings.basedir(), notices);
            if (node != null) {
                selected.add(node);
            }
        }
        return selected;
    }

    private void limit(RedisNode node, int rep) {
        try {
            Sample s = Limit.measure(node, settings, notices);
            results.add(Workload.LIMIT, Report.LIMIT, s);
            System.out.printf(Locale.ROOT, "[run %d/%d] limit: pairs -c1 %s/s, -c16 %s/s, RTT ping p50 %s µs%n", rep,
                    settings.runs(), Report.fmt(s.get(Metric.PAIR_C1), 0), Report.fmt(s.get(Metric.PAIR_C16), 0),
                    Report.fmt(s.get(Metric.RTT_PING_US), 0));
        } catch (Exception e) {
            results.fail(Workload.LIMIT, Report.LIMIT, describe(e));
            System.out.println("[run " + rep + "] limit FAILED: " + describe(e));
        }
    }

    private void runOne(Contender c, Workload w, List<String> uris, int rep) {
        String prefix = "bench:" + w.name() + ":" + c.id() + ":" + rep + ":";
        long t0 = System.nanoTime();
        Future<Sample> f = runner.submit(() -> c.run(w, uris, settings, prefix));
        String where = "[run " + rep + "/" + settings.runs() + "] " + w.display() + " " + c.id();
        try {
            Sample s = f.get(settings.runTimeout().toMillis(), TimeUnit.MILLISECONDS);
            results.add(w, c.id(), s);
            System.out.println(where + ": " + summary(s) + String.format(Locale.ROOT, " (%.1f s)",
                    (System.nanoTime() - t0) / 1e9));
        } catch (TimeoutException e) {
            f.cancel(true);
            results.fail(w, c.id(), "hung: abandoned after " + settings.runTimeout());
            System.out.println(where + " HUNG, abandoned after " + settings.runTimeout());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnsupportedOperationException) {
                broken.add(c.id());
                results.fail(w, c.id(), "not implemented on this branch");
                notices.add(c.label() + " skipped: it threw UnsupportedOperationException (" + cause.getMessage()
                        + "); the engine is not merged on this branch");
            } else {
                results.fail(w, c.id(), describe(cause));
            }
            System.out.println(where + " FAILED: " + describe(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void write(Instant started, Map<String, String> labels, String redisVersion, String redisBinary,
            String loadBefore, double load1Before, String loadAfter) throws Exception {
        Path out = settings.out();
        Files.createDirectories(out);
        String stamp = STAMP.format(started);
        Path md = out.resolve(stamp + ".md");
        Path png = out.resolve(stamp + "-w4-wait.png");
        Map<String, long[]> waits = new LinkedHashMap<>();
        for (String id : results.ids(Workload.W4)) {
            waits.put(labels.getOrDefault(id, id), results.waits(id));
        }
        boolean chart = WaitChart.write(waits,
                "W4 wait, 8 workers on one resource" + (settings.quick() ? " (QUICK mode)" : ""), png);
        List<String> banners = new ArrayList<>();
        if (settings.quick()) {
            banners.add("QUICK mode (-Dbench.quick): tiny sizes and one run; checks the driver end to end, the"
                    + " figures mean nothing.");
        }
        if (!(load1Before < 0.5 * Machine.cores())) {
            banners.add("Measured while the machine was busy: the 1-minute load average was " + loadBefore.split(",")[0]
                    + " on " + Machine.cores() + " cores before the run started, so other processes took CPU time"
                    + " and these figures are noisy. Do not quote them as this project's numbers.");
        }
        Map<String, String> header = new LinkedHashMap<>();
        header.put("date (UTC)", DateTimeFormatter.ISO_INSTANT.format(started.truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS)));
        header.put("machine", Machine.cores() + " cores, " + Machine.memory() + ", " + Machine.cpuModel() + ", "
                + Machine.os());
        header.put("JDK", Machine.jdk());
        header.put("Redis", "redis-server " + redisVersion + " (" + redisBinary + "), `--save \"\" --appendonly no`,"
                + " 5 fresh nodes on loopback");
        header.put("Redisson", Machine.artifactVersion("org.redisson", "redisson"));
        header.put("Node.js", results.ids(Workload.W1).contains(Report.NODE)
                || results.ids(Workload.W4).contains(Report.NODE)
                        ? NodeRedlock.version("node", "--version") + ", @sesamecare-oss/redlock "
                                + NodeRedlock.REDLOCK_VERSION + ", ioredis " + NodeRedlock.IOREDIS_VERSION
                                + "; driftFactor 0.01, retryCount -1, retryDelay 200, retryJitter 100"
                        : "not run");
        header.put("runs", settings.runs() + " per figure, interleaved" + (settings.quick() ? " (quick mode)" : ""));
        header.put("sizes", "W1/W3 " + Report.fmt(settings.w1Ops(), 0) + " pairs after "
                + Report.fmt(settings.warmupOps(), 0) + " warm-up; W2 " + Report.fmt(settings.w2Ops(), 0) + " ops or "
                + settings.w2Time().toSeconds() + " s, " + settings.w2Workers()
                + " workers; W4 " + settings.w4Workers() + " workers, " + Report.fmt(settings.w4Grants(), 0) + " grants or "
                + settings.w4Time().toSeconds() + " s; TTL " + settings.ttl().toSeconds() + " s");
        header.put("load average (1, 5, 15 min)", "before: " + loadBefore + "; after: " + loadAfter
                + " (the after figure includes the benchmark's own load)");
        header.put("command", "`" + COMMAND + (settings.quick() ? " -Dbench.quick" : "")
                + (settings.only().isEmpty() ? "" : " -Dbench.only=" + String.join(",", settings.only()))
                + (settings.impls().isEmpty() ? "" : " -Dbench.impls=" + String.join(",", settings.impls())) + "`");
        String text = Report.render(results, labels, header, banners, notices,
                chart ? png.getFileName().toString() : "");
        Files.writeString(md, text, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(text);
        System.out.println("bench: wrote " + md + (chart ? " and " + png : ""));
    }

    private static String summary(Sample s) {
        return s.metrics().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().key() + "=" + Report.fmt(e.getValue(), e.getKey().decimals()))
                .collect(Collectors.joining(" "));
    }

    private static String infoField(RedisNode node, String field) {
        String info = String.valueOf(node.execute("INFO", "server"));
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1).strip();
            }
        }
        return "unknown";
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }
}
