package dev.redlock.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code @sesamecare-oss/redlock} with {@code ioredis} on Node.js, with VonaJS's settings, run by
 * {@code src/main/node/redlock-bench.cjs}: one process per run, which prints one JSON line with the same figures
 * the Java workloads report.
 */
final class NodeRedlock implements Contender {

    static final String REDLOCK_VERSION = "1.4.0";
    static final String IOREDIS_VERSION = "5.11.1";
    /** Reads what the Node.js script prints and writes its argument. */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Workload> WORKLOADS = EnumSet.of(Workload.W1, Workload.W2, Workload.W2A, Workload.W3_3,
            Workload.W3_5, Workload.W4);

    private final Path script;
    private final Path modules;
    private final String nodeVersion;

    private NodeRedlock(Path script, Path modules, String nodeVersion) {
        this.script = script;
        this.modules = modules;
        this.nodeVersion = nodeVersion;
    }

    /**
     * Finds {@code node} and {@code npm} and installs the packages into {@code benchmarks/.node} (an ignored folder)
     * unless they are there already.
     *
     * @param basedir the {@code benchmarks} module directory
     * @param notices where to add a notice if Node.js cannot be used
     * @return the contender, or {@code null} if it is skipped
     */
    static @Nullable NodeRedlock prepare(Path basedir, List<String> notices) {
        String node = version("node", "--version");
        String npm = version("npm", "--version");
        if (node == null || npm == null) {
            notices.add("node-redlock skipped: `node` and `npm` are needed on PATH (found node: " + node + ", npm: "
                    + npm + ")");
            return null;
        }
        Path prefix = basedir.resolve(".node");
        Path modules = prefix.resolve("node_modules");
        try {
            if (!installed(modules, "@sesamecare-oss/redlock", REDLOCK_VERSION)
                    || !installed(modules, "ioredis", IOREDIS_VERSION)) {
                Files.createDirectories(prefix);
                System.out.println("installing @sesamecare-oss/redlock@" + REDLOCK_VERSION + " and ioredis@"
                        + IOREDIS_VERSION + " into " + prefix);
                Process p = new ProcessBuilder("npm", "install", "--prefix", prefix.toString(), "--no-audit",
                        "--no-fund", "--save-exact", "@sesamecare-oss/redlock@" + REDLOCK_VERSION,
                        "ioredis@" + IOREDIS_VERSION).inheritIO().start();
                if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    p.destroyForcibly();
                    notices.add("node-redlock skipped: `npm install` into " + prefix + " failed");
                    return null;
                }
            }
        } catch (IOException e) {
            notices.add("node-redlock skipped: cannot install it: " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing node-redlock", e);
        }
        return new NodeRedlock(basedir.resolve("src/main/node/redlock-bench.cjs"), modules, node);
    }

    String nodeVersion() {
        return nodeVersion;
    }

    @Override
    public String id() {
        return "node-redlock";
    }

    @Override
    public String label() {
        return "node-redlock (@sesamecare-oss/redlock " + REDLOCK_VERSION + ", VonaJS settings)";
    }

    @Override
    public boolean supports(Workload workload) {
        return WORKLOADS.contains(workload);
    }

    @Override
    public Sample run(Workload workload, List<String> uris, Settings s, String prefix) throws Exception {
        String config = config(workload, uris, s, prefix, ServerCpu.pids());
        ProcessBuilder pb = new ProcessBuilder("node", script.toString(), config);
        pb.environment().put("NODE_PATH", modules.toString());
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        byte[] out;
        try (var in = p.getInputStream()) {
            out = in.readAllBytes(); // ends when the process exits
        }
        if (!p.waitFor(s.runTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("node did not finish within " + s.runTimeout());
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("node exited with " + p.exitValue());
        }
        String[] lines = new String(out, StandardCharsets.UTF_8).strip().split("\n");
        return toSample(lines[lines.length - 1]);
    }

    /**
     * The script's one argument: the run's settings as a JSON object.
     *
     * @param workload   the workload
     * @param uris       the nodes
     * @param s          the sizes
     * @param prefix     the key prefix
     * @param serverPids the nodes' {@code redis-server} processes, whose CPU time the script reads around its timed
     *                   section (with the clock ticks per second); empty for none
     * @return JSON
     */
    static String config(Workload workload, List<String> uris, Settings s, String prefix, List<Long> serverPids) {
        ObjectNode c = JSON.createObjectNode().put("workload", workload == Workload.W2A ? "W2" : workload.id());
        uris.forEach(c.putArray("uris")::add);
        serverPids.forEach(c.putArray("serverPids")::add);
        c.put("clockTicks", Proc.clockTicks());
        c.put("prefix", prefix).put("ttlMs", s.ttl().toMillis()).put("warmup", s.warmupOps())
                .put("ops", parallel(workload) ? s.w2Ops() : s.w1Ops())
                .put("seconds", (parallel(workload) ? s.w2Time() : s.w4Time()).toMillis() / 1000.0)
                .put("workers", parallel(workload) ? s.w2Workers() : s.w4Workers())
                .put("maxGrants", s.w4Grants());
        return c.toString();
    }

    /** Reads the last line the script prints: {@code {"metrics": {...}, "waitsUs": [...]}}; null metrics are left out. */
    static Sample toSample(String line) throws JsonProcessingException {
        JsonNode root = JSON.readTree(line);
        JsonNode metrics = root.path("metrics");
        if (!metrics.isObject()) {
            throw new IllegalArgumentException("expected {\"metrics\": {...}}, was " + line);
        }
        Map<Metric, Double> m = new EnumMap<>(Metric.class);
        metrics.fields().forEachRemaining(e -> {
            if (e.getValue().isNumber()) {
                m.put(Metric.ofKey(e.getKey()), e.getValue().asDouble());
            }
        });
        List<Long> waits = new ArrayList<>();
        root.path("waitsUs").forEach(n -> waits.add(Math.round(n.asDouble() * 1e3)));
        return new Sample(m, waits.stream().mapToLong(Long::longValue).toArray());
    }

    private static boolean installed(Path modules, String name, String version) throws IOException {
        Path pkg = modules.resolve(name).resolve("package.json");
        return Files.isRegularFile(pkg) && Files.readString(pkg).contains("\"version\": \"" + version + "\"");
    }

    /** Runs {@code command --version}; {@code null} if it is not there. */
    static @Nullable String version(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            String[] lines = out.split("\n");
            return lines[lines.length - 1].strip();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** W2 and W2a are one workload in Node.js: 16 asynchronous tasks on its one thread. */
    private static boolean parallel(Workload workload) {
        return workload == Workload.W2 || workload == Workload.W2A;
    }
}
