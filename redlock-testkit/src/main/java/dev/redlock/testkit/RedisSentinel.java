package dev.redlock.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;

/**
 * A Sentinel-managed Redis deployment on loopback: one master, its replicas and the sentinels that watch them, each
 * a real {@code redis-server} process (sentinels run the same binary with {@code --sentinel}) on a free port.
 *
 * <p>{@link #start()} returns once the replicas replicate and every sentinel knows every replica and every other
 * sentinel, so a failover can start at once. Kill the master with {@code master().kill()} and
 * {@link #awaitFailover(RedisNode, Duration)} returns the replica the sentinels promoted. A client connects through
 * {@link #sentinelUris()} and {@link #masterName()}. Closing it stops every process. Thread-safe.
 *
 * @since 0.1
 */
public final class RedisSentinel implements AutoCloseable {

    private static final long POLL_MILLIS = 20;
    private static final int COMMAND_TIMEOUT_MILLIS = 1_000;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final String masterName;
    private final List<RedisNode> dataNodes;
    private final List<RedisNode> sentinels;

    private RedisSentinel(String masterName, List<RedisNode> dataNodes, List<RedisNode> sentinels) {
        this.masterName = masterName;
        this.dataNodes = List.copyOf(dataNodes);
        this.sentinels = List.copyOf(sentinels);
    }

    /**
     * Starts a master, one replica and three sentinels with the default settings of {@link #builder()}.
     *
     * @return the running deployment
     * @throws IllegalStateException if a process does not start or the sentinels do not find each other in time
     */
    public static RedisSentinel start() {
        return builder().start();
    }

    /**
     * A builder for a master named {@code redlock} with one replica and three sentinels (quorum 2) that consider
     * the master down after 500 ms.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether the {@code redis-server} binary that {@link RedisNodes} would run has Sentinel mode
     * ({@code redis-server --sentinel}). Builds of Redis include it; a test can skip when this is {@code false}.
     *
     * @return {@code true} if the binary on {@code PATH} (or the embedded one) answers as a sentinel
     */
    public static boolean isSupported() {
        return sentinelModeProblem(RedisBinary.locate(System.getenv("PATH"))) == null;
    }

    /** Why {@code binary} has no sentinel mode, or {@code null} if it has. */
    static @Nullable String sentinelModeProblem(String binary) {
        try {
            Process p = new ProcessBuilder(binary, "--sentinel").redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return binary + " --sentinel did not exit within 10 s";
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // without a config file a sentinel-capable server refuses to start and says why
            return out.contains("Sentinel needs config file")
                    ? null
                    : binary + " --sentinel did not start Sentinel mode; its output: " + out.strip();
        } catch (IOException e) {
            return "cannot run " + binary + " --sentinel: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while probing " + binary + " --sentinel";
        }
    }

    /**
     * The name the sentinels monitor the master under; a client names it ({@code setMasterName} in Redisson).
     *
     * @return the master name
     */
    public String masterName() {
        return masterName;
    }

    /**
     * The master and the replicas, in start order: the first was the master at start.
     *
     * @return the data nodes; unmodifiable
     */
    public List<RedisNode> dataNodes() {
        return dataNodes;
    }

    /**
     * The sentinels, in start order.
     *
     * @return the sentinels; unmodifiable
     */
    public List<RedisNode> sentinels() {
        return sentinels;
    }

    /**
     * The sentinels' URIs, {@code redis://127.0.0.1:<port>}: the addresses a client is given.
     *
     * @return the URIs; unmodifiable
     */
    public List<String> sentinelUris() {
        return sentinels.stream().map(RedisNode::uri).toList();
    }

    /**
     * The data node that the first running sentinel names as master now.
     *
     * @return the master
     * @throws IllegalStateException if no sentinel is running or it names a node not of this deployment
     */
    public RedisNode master() {
        for (RedisNode s : sentinels) {
            if (s.isRunning() && !s.isPaused()) {
                return nodeAt(masterPortSeenBy(s));
            }
        }
        throw new IllegalStateException("no sentinel of " + this + " is running");
    }

    /**
     * The data nodes other than {@link #master()}.
     *
     * @return the replicas, in start order
     */
    public List<RedisNode> replicas() {
        RedisNode master = master();
        return dataNodes.stream().filter(n -> n != master).toList();
    }

    /**
     * Waits until every running sentinel names a master other than {@code oldMaster} and that node answers
     * {@code ROLE} as a master: the failover is done as far as clients can see. Kill or pause the old master first
     * (or send {@code SENTINEL FAILOVER} to a sentinel).
     *
     * @param oldMaster the master before the failover
     * @param timeout   how long to wait; positive
     * @return the promoted node
     * @throws IllegalStateException if the failover did not finish within {@code timeout}, with the sentinels'
     *                               logs
     */
    public RedisNode awaitFailover(RedisNode oldMaster, Duration timeout) {
        Objects.requireNonNull(oldMaster, "oldMaster");
        RedisNode[] promoted = new RedisNode[1];
        boolean done = poll(timeout, () -> {
            int port = -1;
            for (RedisNode s : sentinels) {
                if (!s.isRunning() || s.isPaused()) {
                    continue;
                }
                int p = masterPortSeenBy(s);
                if (p == oldMaster.port() || port != -1 && p != port) {
                    return false;
                }
                port = p;
            }
            if (port == -1) {
                return false;
            }
            RedisNode candidate = nodeAt(port);
            if (!"master".equals(role(candidate))) {
                return false;
            }
            promoted[0] = candidate;
            return true;
        });
        if (!done) {
            throw new IllegalStateException("no failover away from " + oldMaster + " within " + timeout + " in " + this
                    + "; sentinel logs:\n" + logs());
        }
        return promoted[0];
    }

    /** Stops every process and deletes the data directories. Idempotent. */
    @Override
    public void close() {
        sentinels.forEach(RedisNode::destroy);
        dataNodes.forEach(RedisNode::destroy);
    }

    @Override
    public String toString() {
        return "RedisSentinel[" + masterName + ", data " + dataNodes + ", sentinels " + sentinels + "]";
    }

    private int masterPortSeenBy(RedisNode sentinel) {
        Object reply = sentinel.execute("SENTINEL", "GET-MASTER-ADDR-BY-NAME", masterName);
        if (reply instanceof List<?> addr && addr.size() == 2) {
            return Integer.parseInt(String.valueOf(addr.get(1)));
        }
        throw new IllegalStateException(sentinel + " does not know the master '" + masterName + "': " + reply);
    }

    private RedisNode nodeAt(int port) {
        for (RedisNode n : dataNodes) {
            if (n.port() == port) {
                return n;
            }
        }
        throw new IllegalStateException("the sentinels name port " + port + " as master, which is no data node of "
                + this);
    }

    static @Nullable String role(RedisNode node) {
        if (!node.isRunning() || node.isPaused()) {
            return null;
        }
        try {
            Object reply = Resp.call(node.host(), node.port(), node.password(), COMMAND_TIMEOUT_MILLIS, "ROLE");
            return reply instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.get(0)) : null;
        } catch (RedisCommandException e) {
            return null;
        }
    }

    private String logs() {
        StringBuilder b = new StringBuilder();
        for (RedisNode s : sentinels) {
            b.append("--- ").append(s).append('\n').append(Launcher.readLog(s.dataDirectory().resolve("redis.log")))
                    .append('\n');
        }
        return b.toString();
    }

    /** Polls {@code condition} every 20 ms until it holds or {@code timeout} passes (no event to wait on). */
    static boolean poll(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return true;
                }
            } catch (RedisCommandException | IllegalStateException e) {
                // a process that is starting or failing over answers errors for a moment
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Redis processes", e);
            }
        }
    }

    static String info(RedisNode node, String section) {
        return String.valueOf(node.execute("INFO", section));
    }

    /** Configures and starts a {@link RedisSentinel}. Not thread-safe. */
    public static final class Builder {
        private String masterName = "redlock";
        private int replicas = 1;
        private int sentinels = 3;
        private int quorum = 2;
        private Duration downAfter = Duration.ofMillis(500);
        private Duration failoverTimeout = Duration.ofSeconds(10);
        private @Nullable String searchPath;

        private Builder() {
        }

        /**
         * The name the sentinels monitor the master under.
         *
         * @param masterName letters, digits, {@code .}, {@code _} and {@code -}
         * @return this builder
         * @throws IllegalArgumentException if the name is empty or has other characters
         */
        public Builder masterName(String masterName) {
            if (!Objects.requireNonNull(masterName, "masterName").matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("masterName must be letters, digits, '.', '_' and '-', was '"
                        + masterName + "'");
            }
            this.masterName = masterName;
            return this;
        }

        /**
         * How many replicas of the master to start.
         *
         * @param replicas at least 0
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder replicas(int replicas) {
            if (replicas < 0) {
                throw new IllegalArgumentException("replicas must not be negative, was " + replicas);
            }
            this.replicas = replicas;
            return this;
        }

        /**
         * How many sentinels to start, and how many of them must agree that the master is down before a failover
         * ({@code sentinel monitor ... <quorum>}). A failover also needs a majority of the sentinels to elect a
         * leader.
         *
         * @param sentinels at least 1
         * @param quorum    from 1 to {@code sentinels}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder sentinels(int sentinels, int quorum) {
            if (sentinels < 1 || quorum < 1 || quorum > sentinels) {
                throw new IllegalArgumentException("need 1 <= quorum <= sentinels, was sentinels=" + sentinels
                        + ", quorum=" + quorum);
            }
            this.sentinels = sentinels;
            this.quorum = quorum;
            return this;
        }

        /**
         * How long the master must not answer before a sentinel considers it down
         * ({@code sentinel down-after-milliseconds}); small values make failover tests fast.
         *
         * @param downAfter at least 1 ms
         * @return this builder
         * @throws IllegalArgumentException if less than 1 ms
         */
        public Builder downAfter(Duration downAfter) {
            this.downAfter = atLeastOneMilli(downAfter, "downAfter");
            return this;
        }

        /**
         * {@code sentinel failover-timeout}: among others, how long a sentinel waits before it retries a failover,
         * and before it points a replica that replicates from another address back at the master
         * ({@code +fix-slave-config}).
         *
         * @param failoverTimeout at least 1 ms
         * @return this builder
         * @throws IllegalArgumentException if less than 1 ms
         */
        public Builder failoverTimeout(Duration failoverTimeout) {
            this.failoverTimeout = atLeastOneMilli(failoverTimeout, "failoverTimeout");
            return this;
        }

        /**
         * The directories searched for {@code redis-server}, as {@link RedisNodes.Builder#searchPath(String)}.
         *
         * @param searchPath the search path; must not be null
         * @return this builder
         */
        public Builder searchPath(String searchPath) {
            this.searchPath = Objects.requireNonNull(searchPath, "searchPath");
            return this;
        }

        /**
         * Starts the master, the replicas, then the sentinels, and waits until the replicas' links are up and every
         * sentinel knows every replica and the other sentinels (sentinels find each other through hello messages
         * every 2 s). If anything fails, stops what was started.
         *
         * @return the running deployment
         * @throws IllegalStateException if the binary has no sentinel mode, a process does not start, or the
         *                               deployment is not ready within 30 s
         */
        public RedisSentinel start() {
            String binary = RedisBinary.locate(searchPath == null ? System.getenv("PATH") : searchPath);
            String problem = sentinelModeProblem(binary);
            if (problem != null) {
                throw new IllegalStateException(problem + "; install a redis-server with Sentinel mode on PATH or"
                        + " set -D" + RedisBinary.OVERRIDE_PROPERTY);
            }
            Launcher launcher = Launcher.get();
            List<RedisNode> data = new ArrayList<>();
            List<RedisNode> watchers = new ArrayList<>();
            try {
                // replicas sync at once instead of after the default 5 s diskless-sync delay
                RedisNode master = launcher.start(binary, List.of("--repl-diskless-sync-delay", "0"), null);
                data.add(master);
                for (int i = 0; i < replicas; i++) {
                    data.add(launcher.start(binary,
                            List.of("--repl-diskless-sync-delay", "0", "--replicaof", master.host(),
                                    Integer.toString(master.port())),
                            null));
                }
                for (int i = 0; i < sentinels; i++) {
                    watchers.add(launcher.start(binary, sentinelArgs(master), null));
                }
                RedisSentinel deployment = new RedisSentinel(masterName, data, watchers);
                deployment.awaitReady(START_TIMEOUT);
                return deployment;
            } catch (RuntimeException e) {
                watchers.forEach(RedisNode::destroy);
                data.forEach(RedisNode::destroy);
                throw e;
            }
        }

        private List<String> sentinelArgs(RedisNode master) {
            return List.of("--sentinel", "--sentinel", "monitor", masterName, master.host(),
                    Integer.toString(master.port()), Integer.toString(quorum), "--sentinel",
                    "down-after-milliseconds", masterName, Long.toString(downAfter.toMillis()), "--sentinel",
                    "failover-timeout", masterName, Long.toString(failoverTimeout.toMillis()));
        }

        private static Duration atLeastOneMilli(Duration d, String name) {
            if (Objects.requireNonNull(d, name).toMillis() < 1) {
                throw new IllegalArgumentException(name + " must be at least 1 ms, was " + d);
            }
            return d;
        }
    }

    private void awaitReady(Duration timeout) {
        List<RedisNode> replicaNodes = dataNodes.subList(1, dataNodes.size());
        boolean ready = poll(timeout, () -> {
            for (RedisNode r : replicaNodes) {
                if (!info(r, "replication").contains("master_link_status:up")) {
                    return false;
                }
            }
            for (RedisNode s : sentinels) {
                if (count(s, "REPLICAS") != replicaNodes.size() || count(s, "SENTINELS") != sentinels.size() - 1) {
                    return false;
                }
            }
            return true;
        });
        if (!ready) {
            throw new IllegalStateException(this + " not ready within " + timeout + "; sentinel logs:\n" + logs());
        }
    }

    private int count(RedisNode sentinel, String what) {
        Object reply = sentinel.execute("SENTINEL", what, masterName);
        return reply instanceof List<?> l ? l.size() : -1;
    }
}
