package dev.redlock.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A Redis Cluster on loopback: masters that share the 16384 hash slots evenly, each with the same number of
 * replicas, every one a real {@code redis-server} process with {@code --cluster-enabled yes} on a free port. The
 * testkit forms the cluster itself ({@code CLUSTER ADDSLOTS}, {@code MEET}, {@code REPLICATE}), so it needs no
 * {@code redis-cli}. {@link #start(int)} returns once every node reports {@code cluster_state:ok}.
 *
 * <p>A client connects through {@link #uris()} (any node is a seed). Closing it stops every process. Thread-safe.
 *
 * @since 0.1
 */
public final class RedisCluster implements AutoCloseable {

    /** The number of hash slots of Redis Cluster. */
    public static final int SLOTS = 16384;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final List<RedisNode> masters;
    private final List<RedisNode> replicas;

    private RedisCluster(List<RedisNode> masters, List<RedisNode> replicas) {
        this.masters = List.copyOf(masters);
        this.replicas = List.copyOf(replicas);
    }

    /**
     * Starts {@code masters} masters without replicas.
     *
     * @param masters at least 1
     * @return the running cluster
     * @throws IllegalArgumentException if {@code masters} is less than 1
     * @throws IllegalStateException    if a process does not start or the cluster is not ok within 30 s
     */
    public static RedisCluster start(int masters) {
        return builder().masters(masters).start();
    }

    /**
     * A builder for three masters without replicas.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The masters as started; master {@code i} serves the {@code i}-th equal range of slots.
     *
     * @return the masters; unmodifiable
     */
    public List<RedisNode> masters() {
        return masters;
    }

    /**
     * The replicas, those of master 0 first.
     *
     * @return the replicas; unmodifiable
     */
    public List<RedisNode> replicas() {
        return replicas;
    }

    /**
     * Every node's URI, masters first: the seed addresses a client is given.
     *
     * @return {@code redis://127.0.0.1:<port>} per node; unmodifiable
     */
    public List<String> uris() {
        List<String> uris = new ArrayList<>();
        masters.forEach(n -> uris.add(n.uri()));
        replicas.forEach(n -> uris.add(n.uri()));
        return List.copyOf(uris);
    }

    /**
     * The hash slot of {@code key}, as the cluster computes it ({@code CLUSTER KEYSLOT}).
     *
     * @param key the key
     * @return from 0 to 16383
     */
    public int slot(String key) {
        Object reply = anyRunning().execute("CLUSTER", "KEYSLOT", Objects.requireNonNull(key, "key"));
        return ((Long) Objects.requireNonNull(reply)).intValue();
    }

    /**
     * The node that serves {@code key}'s slot now ({@code CLUSTER SLOTS}).
     *
     * @param key the key
     * @return the master of its slot
     * @throws IllegalStateException if no node of this cluster serves it
     */
    public RedisNode masterFor(String key) {
        int slot = slot(key);
        Object reply = anyRunning().execute("CLUSTER", "SLOTS");
        if (reply instanceof List<?> ranges) {
            for (Object r : ranges) {
                List<?> range = (List<?>) r;
                long from = (Long) range.get(0);
                long to = (Long) range.get(1);
                if (slot >= from && slot <= to) {
                    int port = ((Long) ((List<?>) range.get(2)).get(1)).intValue();
                    for (RedisNode n : nodes()) {
                        if (n.port() == port) {
                            return n;
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("no node of " + this + " serves slot " + slot + " of '" + key + "'");
    }

    /** Deletes every key on every running master. */
    public void flushAll() {
        for (RedisNode n : masters) {
            if (n.isRunning() && "master".equals(RedisSentinel.role(n))) {
                n.flushAll();
            }
        }
    }

    /** Stops every process and deletes the data directories. Idempotent. */
    @Override
    public void close() {
        replicas.forEach(RedisNode::destroy);
        masters.forEach(RedisNode::destroy);
    }

    @Override
    public String toString() {
        return "RedisCluster[masters " + masters + ", replicas " + replicas + "]";
    }

    private List<RedisNode> nodes() {
        List<RedisNode> all = new ArrayList<>(masters);
        all.addAll(replicas);
        return all;
    }

    private RedisNode anyRunning() {
        for (RedisNode n : nodes()) {
            if (n.isRunning() && !n.isPaused()) {
                return n;
            }
        }
        throw new IllegalStateException("no node of " + this + " is running");
    }

    private void form() {
        for (int i = 0; i < masters.size(); i++) {
            RedisNode m = masters.get(i);
            // distinct epochs up front, so the masters need no collision resolution before the cluster is ok
            m.execute("CLUSTER", "SET-CONFIG-EPOCH", Integer.toString(i + 1));
            int from = i * SLOTS / masters.size();
            int to = (i + 1) * SLOTS / masters.size();
            List<String> command = new ArrayList<>(List.of("CLUSTER", "ADDSLOTS"));
            for (int slot = from; slot < to; slot++) {
                command.add(Integer.toString(slot));
            }
            m.execute(command.toArray(String[]::new));
        }
        RedisNode first = masters.get(0);
        for (RedisNode n : nodes()) {
            if (n != first) {
                first.execute("CLUSTER", "MEET", n.host(), Integer.toString(n.port()));
            }
        }
        awaitAll("every node to know every other", n -> knownNodes(n) == masters.size() + replicas.size());
        int perMaster = replicas.size() / masters.size();
        for (int i = 0; i < replicas.size(); i++) {
            String masterId = String.valueOf(masters.get(i / perMaster).execute("CLUSTER", "MYID"));
            replicas.get(i).execute("CLUSTER", "REPLICATE", masterId);
        }
        awaitAll("cluster_state:ok", n -> String.valueOf(n.execute("CLUSTER", "INFO")).contains("cluster_state:ok"));
        for (RedisNode r : replicas) {
            awaitOne(r, "the replication link", n -> RedisSentinel.info(n, "replication")
                    .contains("master_link_status:up"));
        }
    }

    private static int knownNodes(RedisNode n) {
        String nodes = String.valueOf(n.execute("CLUSTER", "NODES"));
        int count = 0;
        for (String line : nodes.split("\n")) {
            if (!line.isBlank() && !line.contains("handshake") && !line.contains("noaddr")) {
                count++;
            }
        }
        return count;
    }

    private interface Check {
        boolean holds(RedisNode node);
    }

    private void awaitAll(String what, Check check) {
        for (RedisNode n : nodes()) {
            awaitOne(n, what, check);
        }
    }

    private void awaitOne(RedisNode n, String what, Check check) {
        if (!RedisSentinel.poll(START_TIMEOUT, () -> check.holds(n))) {
            throw new IllegalStateException("cluster not formed: " + n + " did not report " + what + " within "
                    + START_TIMEOUT + "; CLUSTER NODES there: " + n.execute("CLUSTER", "NODES"));
        }
    }

    /** Configures and starts a {@link RedisCluster}. Not thread-safe. */
    public static final class Builder {
        private int masters = 3;
        private int replicasPerMaster;
        private Duration nodeTimeout = Duration.ofSeconds(2);
        private @Nullable String searchPath;

        private Builder() {
        }

        /**
         * How many masters share the slots.
         *
         * @param masters at least 1
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         */
        public Builder masters(int masters) {
            if (masters < 1) {
                throw new IllegalArgumentException("masters must be at least 1, was " + masters);
            }
            this.masters = masters;
            return this;
        }

        /**
         * How many replicas each master gets.
         *
         * @param replicasPerMaster at least 0
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder replicasPerMaster(int replicasPerMaster) {
            if (replicasPerMaster < 0) {
                throw new IllegalArgumentException("replicasPerMaster must not be negative, was "
                        + replicasPerMaster);
            }
            this.replicasPerMaster = replicasPerMaster;
            return this;
        }

        /**
         * {@code cluster-node-timeout}: how long a node must not answer before the others consider it failing
         * (and a replica takes over its slots).
         *
         * @param nodeTimeout at least 1 ms
         * @return this builder
         * @throws IllegalArgumentException if less than 1 ms
         */
        public Builder nodeTimeout(Duration nodeTimeout) {
            if (Objects.requireNonNull(nodeTimeout, "nodeTimeout").toMillis() < 1) {
                throw new IllegalArgumentException("nodeTimeout must be at least 1 ms, was " + nodeTimeout);
            }
            this.nodeTimeout = nodeTimeout;
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
         * Starts the nodes, forms the cluster and waits until every node reports {@code cluster_state:ok} and every
         * replica's link is up. If anything fails, stops what was started.
         *
         * @return the running cluster
         * @throws IllegalStateException if a process does not start or the cluster is not ok within 30 s
         */
        public RedisCluster start() {
            String binary = RedisBinary.locate(searchPath == null ? System.getenv("PATH") : searchPath);
            List<String> args = List.of("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                    "--cluster-node-timeout", Long.toString(nodeTimeout.toMillis()), "--repl-diskless-sync-delay", "0");
            Launcher launcher = Launcher.get();
            List<RedisNode> m = new ArrayList<>();
            List<RedisNode> r = new ArrayList<>();
            try {
                for (int i = 0; i < masters; i++) {
                    m.add(launcher.start(binary, args, null));
                }
                for (int i = 0; i < masters * replicasPerMaster; i++) {
                    r.add(launcher.start(binary, args, null));
                }
                RedisCluster cluster = new RedisCluster(m, r);
                cluster.form();
                return cluster;
            } catch (RuntimeException e) {
                r.forEach(RedisNode::destroy);
                m.forEach(RedisNode::destroy);
                throw e;
            }
        }
    }
}
