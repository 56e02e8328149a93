package dev.redlock.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A set of independent {@code redis-server} processes on loopback, each with its own port and data directory.
 *
 * <p>Start it with {@link #start(int)} or {@link #builder()}, or let {@link WithRedisNodes @WithRedisNodes} start
 * it for a test. Closing it stops every server. Thread-safe.
 *
 * @since 0.1
 */
public final class RedisNodes implements AutoCloseable {

    private final List<RedisNode> nodes;

    private RedisNodes(List<RedisNode> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /**
     * Starts {@code count} servers with the default settings.
     *
     * @param count how many servers; at least 1
     * @return the running servers
     * @throws IllegalArgumentException if {@code count} is less than 1
     * @throws IllegalStateException    if no {@code redis-server} binary can be found or a server does not start
     */
    public static RedisNodes start(int count) {
        return builder().count(count).start();
    }

    /**
     * A builder for one server with no extra arguments.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * How many servers there are.
     *
     * @return the count
     */
    public int size() {
        return nodes.size();
    }

    /**
     * The server at {@code index}.
     *
     * @param index from 0 to {@code size() - 1}
     * @return the server
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    public RedisNode node(int index) {
        return nodes.get(index);
    }

    /**
     * All servers, in start order.
     *
     * @return the servers; unmodifiable
     */
    public List<RedisNode> nodes() {
        return nodes;
    }

    /**
     * The URI of every server, {@code redis://127.0.0.1:<port>}, in start order.
     *
     * @return the URIs; unmodifiable
     */
    public List<String> uris() {
        return nodes.stream().map(RedisNode::uri).toList();
    }

    /**
     * The URIs of the servers' proxies ({@link RedisNode#proxy()}), starting them if needed: give these to the
     * client under test so that {@code node(i).proxy().cut()} partitions it from node {@code i}.
     *
     * @return {@code redis://127.0.0.1:<proxy port>} per server, in node order
     */
    public List<String> proxiedUris() {
        return nodes.stream().map(n -> n.proxy().uri()).toList();
    }

    /** Deletes every key on every running server. */
    public void flushAll() {
        for (RedisNode node : nodes) {
            if (node.isRunning()) {
                node.flushAll();
            }
        }
    }

    /** Stops every server and deletes its data directory. Idempotent. */
    @Override
    public void close() {
        for (RedisNode node : nodes) {
            node.destroy();
        }
    }

    @Override
    public String toString() {
        return "RedisNodes" + uris();
    }

    /** Configures and starts {@link RedisNodes}. Not thread-safe. */
    public static final class Builder {
        private int count = 1;
        private final List<String> args = new ArrayList<>();
        private @Nullable String searchPath;
        private @Nullable String password;

        private Builder() {
        }

        /**
         * How many servers to start.
         *
         * @param count at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code count} is less than 1
         */
        public Builder count(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("count must be at least 1, was " + count);
            }
            this.count = count;
            return this;
        }

        /**
         * Adds {@code redis-server} arguments for every server, such as {@code "--maxmemory", "10mb"}.
         *
         * @param args the arguments; none may be null
         * @return this builder
         */
        public Builder args(String... args) {
            for (String arg : args) {
                this.args.add(Objects.requireNonNull(arg, "args element"));
            }
            return this;
        }

        /**
         * Adds {@code --requirepass password} and makes the built-in client of each node authenticate with it.
         *
         * @param password the password; not empty
         * @return this builder
         */
        public Builder password(String password) {
            if (password.isEmpty()) {
                throw new IllegalArgumentException("password must not be empty");
            }
            this.password = password;
            return this;
        }

        /**
         * The directories searched for {@code redis-server}, in {@code PATH} syntax; by default the process's
         * {@code PATH}. An empty string searches nowhere, so the binary from the {@code embedded-redis} artifact is
         * used.
         *
         * @param searchPath the search path; must not be null
         * @return this builder
         */
        public Builder searchPath(String searchPath) {
            this.searchPath = Objects.requireNonNull(searchPath, "searchPath");
            return this;
        }

        /**
         * Starts the servers; if one fails, stops those already started.
         *
         * @return the running servers
         * @throws IllegalStateException if no binary can be found or a server does not start, with its log
         */
        public RedisNodes start() {
            Launcher launcher = Launcher.get();
            String binary = RedisBinary.locate(searchPath == null ? System.getenv("PATH") : searchPath);
            List<String> allArgs = new ArrayList<>(args);
            String password = this.password;
            int requirePass = allArgs.indexOf("--requirepass");
            if (password == null && requirePass >= 0 && requirePass + 1 < allArgs.size()) {
                password = allArgs.get(requirePass + 1); // so the built-in client can authenticate
            } else if (password != null) {
                allArgs.add("--requirepass");
                allArgs.add(password);
            }
            List<RedisNode> started = new ArrayList<>();
            try {
                for (int i = 0; i < count; i++) {
                    started.add(launcher.start(binary, allArgs, password));
                }
            } catch (RuntimeException e) {
                started.forEach(RedisNode::destroy);
                throw e;
            }
            return new RedisNodes(started);
        }
    }
}
