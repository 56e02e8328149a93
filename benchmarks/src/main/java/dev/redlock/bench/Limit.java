package dev.redlock.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import dev.redlock.testkit.RedisNode;

/**
 * The limit: what the server itself does with the acquire and release scripts ({@code redis-benchmark}, EVALSHA,
 * {@code -c 1} and {@code -c 16}), and the loopback round trip ({@code redis-cli --latency}, plus a Java PING
 * loop, which resolves microseconds).
 */
final class Limit {

    /** SET NX PX: the single-node core of every acquire. */
    static final String ACQUIRE = "if redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 else return 0 end";
    /** Compare-and-delete: the single-node core of every release. */
    static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private Limit() {
    }

    /**
     * Measures once.
     *
     * @param node    the server
     * @param s       the sizes
     * @param notices where to add a notice if a tool is missing
     * @return the figures it could measure
     */
    static Sample measure(RedisNode node, Settings s, List<String> notices) throws Exception {
        Map<Metric, Double> m = new EnumMap<>(Metric.class);
        String acquireSha = String.valueOf(node.execute("SCRIPT", "LOAD", ACQUIRE));
        String releaseSha = String.valueOf(node.execute("SCRIPT", "LOAD", RELEASE));
        int requests = s.quick() ? 2_000 : 50_000;
        if (NodeRedlock.version("redis-benchmark", "--version") == null) {
            addOnce(notices, "limit: `redis-benchmark` is not on PATH; the script rates are not measured");
        } else {
            for (int clients : new int[]{1, 16}) {
                // -r: random key suffixes, so acquires hit fresh keys; the release compares on keys mostly absent
                double acquire = rps(node, clients, requests, "EVALSHA", acquireSha, "1", "bench:limit:__rand_int__",
                        "token", Long.toString(s.ttl().toMillis()));
                double release = rps(node, clients, requests, "EVALSHA", releaseSha, "1", "bench:limit:__rand_int__",
                        "token");
                double pair = 1 / (1 / acquire + 1 / release);
                m.put(clients == 1 ? Metric.ACQUIRE_C1 : Metric.ACQUIRE_C16, acquire);
                m.put(clients == 1 ? Metric.RELEASE_C1 : Metric.RELEASE_C16, release);
                m.put(clients == 1 ? Metric.PAIR_C1 : Metric.PAIR_C16, pair);
            }
            node.flushAll();
        }
        Double cli = cliLatencyMicros(node);
        if (cli == null) {
            addOnce(notices, "limit: `redis-cli --latency` is not available; the RTT is the Java PING loop only");
        } else {
            m.put(Metric.RTT_CLI_US, cli);
        }
        m.put(Metric.RTT_PING_US, pingLoopMicros(node, s.quick() ? 1_000 : 10_000));
        return Sample.of(m);
    }

    private static double rps(RedisNode node, int clients, int requests, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("redis-benchmark", "-h", node.host(), "-p",
                Integer.toString(node.port()), "-c", Integer.toString(clients), "-n", Integer.toString(requests), "-r",
                "100000000", "--csv"));
        cmd.addAll(List.of(command));
        String out = run(cmd, 300);
        // "test","rps",...  then  "EVALSHA ...","12345.67",...
        for (String line : out.split("\n")) {
            String[] cells = line.split("\",\"");
            if (cells.length > 1 && cells[0].startsWith("\"EVALSHA")) {
                return Double.parseDouble(cells[1]);
            }
        }
        throw new IllegalStateException("no EVALSHA line in redis-benchmark output: " + out);
    }

    /** {@code redis-cli --latency} without a terminal samples for a while, prints "min max avg samples", exits. */
    private static @Nullable Double cliLatencyMicros(RedisNode node) throws Exception {
        if (NodeRedlock.version("redis-cli", "--version") == null) {
            return null;
        }
        String out = run(List.of("redis-cli", "-h", node.host(), "-p", Integer.toString(node.port()), "--latency"),
                60).strip();
        String[] f = out.split("\\s+");
        return f.length >= 4 ? Double.parseDouble(f[2]) * 1e3 : null;
    }

    /** The median round trip of {@code count} PINGs on one connection, after a warm-up. */
    static double pingLoopMicros(RedisNode node, int count) throws IOException {
        byte[] ping = "PING\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] reply = new byte[7]; // +PONG\r\n
        long[] rtt = new long[count];
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(node.host(), node.port()), 5_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = -count / 10; i < count; i++) {
                long t0 = System.nanoTime();
                out.write(ping);
                out.flush();
                int read = 0;
                while (read < reply.length) {
                    int n = in.read(reply, read, reply.length - read);
                    if (n < 0) {
                        throw new IOException("connection closed during PING");
                    }
                    read += n;
                }
                if (i >= 0) {
                    rtt[i] = System.nanoTime() - t0;
                }
            }
        }
        return Stats.percentile(Stats.sorted(rtt, count), 0.5) / 1e3;
    }

    private static String run(List<String> command, int timeoutSeconds) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static void addOnce(List<String> notices, String notice) {
        if (!notices.contains(notice)) {
            notices.add(notice);
        }
    }
}
