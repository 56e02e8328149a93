package dev.redlock.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * One {@code redis-server} process on loopback, with the faults a lock must survive: graceful stop, crash
 * (SIGKILL), freeze (SIGSTOP) and thaw (SIGCONT), restart with no data on the same port, and network faults
 * between a client and the server through its {@link #proxy()}.
 *
 * <p>Thread-safe; the fault methods are meant to be called from the test thread.
 *
 * @since 0.1
 */
public final class RedisNode {

    private static final int COMMAND_TIMEOUT_MILLIS = 5_000;

    private final Launcher launcher;
    private final String binary;
    private final List<String> args;
    private final @Nullable String password;
    private final Path dataDirectory;
    private volatile int port;
    private volatile @Nullable Process process;
    private volatile boolean paused;
    private volatile boolean destroyed;
    private @Nullable NodeProxy proxy;

    RedisNode(Launcher launcher, String binary, List<String> args, @Nullable String password, Path dataDirectory) {
        this.launcher = launcher;
        this.binary = binary;
        this.args = List.copyOf(args);
        this.password = password;
        this.dataDirectory = dataDirectory;
    }

    synchronized void launch(int port) {
        this.port = port;
        this.process = launcher.spawn(this, port);
        this.paused = false;
        launcher.started(this);
    }

    /**
     * The host the server listens on.
     *
     * @return {@code 127.0.0.1}
     */
    public String host() {
        return Launcher.LOOPBACK;
    }

    /**
     * The port the server listens on; it keeps it across {@link #restart()}.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * The server's URI, without credentials.
     *
     * @return {@code redis://127.0.0.1:<port>}
     */
    public String uri() {
        return Launcher.uri(port);
    }

    /**
     * The binary this server runs: the one found on {@code PATH} or the one extracted from {@code embedded-redis}.
     *
     * @return the binary's path
     */
    public String binary() {
        return binary;
    }

    /**
     * The process id of the running server.
     *
     * @return the pid
     * @throws IllegalStateException if the server is not running
     */
    public long pid() {
        return running().pid();
    }

    /**
     * Whether the process is alive (a paused server is alive).
     *
     * @return {@code true} if alive
     */
    public boolean isRunning() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /**
     * Whether the server is paused by {@link #pause()}.
     *
     * @return {@code true} if paused
     */
    public boolean isPaused() {
        return paused && isRunning();
    }

    /** Stops the server gracefully ({@code SHUTDOWN NOSAVE}) and waits for the process to exit. */
    public synchronized void stop() {
        Process p = running();
        resumeIfPaused();
        try {
            Resp.call(host(), port, password, COMMAND_TIMEOUT_MILLIS, "SHUTDOWN", "NOSAVE");
        } catch (RedisCommandException expected) {
            // the server closes the connection instead of replying
        }
        awaitExit(p);
    }

    /** Kills the server with SIGKILL, as a crash would, and waits for the process to exit. */
    public synchronized void kill() {
        Process p = running();
        p.destroyForcibly();
        awaitExit(p);
    }

    /**
     * Freezes the server with SIGSTOP: it keeps its connections but answers nothing until {@link #resume()}.
     *
     * @throws UnsupportedOperationException on Windows
     */
    public synchronized void pause() {
        signal("STOP");
        paused = true;
    }

    /**
     * Thaws a server frozen by {@link #pause()} with SIGCONT.
     *
     * @throws UnsupportedOperationException on Windows
     */
    public synchronized void resume() {
        signal("CONT");
        paused = false;
    }

    /**
     * Starts the server again on the same port with no data, as a restart without persistence does. A running
     * server is killed first.
     *
     * @throws IllegalStateException if the port was taken meanwhile or the server does not start
     */
    public synchronized void restart() {
        checkNotDestroyed();
        if (isRunning()) {
            kill();
        }
        deleteData();
        try {
            launch(port);
        } catch (Launcher.PortInUseException e) {
            throw new IllegalStateException("cannot restart redis-server: port " + port + " was taken meanwhile", e);
        }
    }

    /**
     * This server's TCP proxy, started on first use on its own loopback port: a client given {@link NodeProxy#uri()}
     * instead of {@link #uri()} can be cut off, slowed down or lose one direction of its traffic while the server
     * keeps running. One proxy per server; it is closed with the server's {@link RedisNodes}.
     *
     * @return the proxy
     * @throws IllegalStateException if the server was closed with its {@link RedisNodes}
     */
    public synchronized NodeProxy proxy() {
        checkNotDestroyed();
        NodeProxy p = proxy;
        if (p == null) {
            p = NodeProxy.start(host(), port);
            proxy = p;
        }
        return p;
    }

    /** Deletes every key ({@code FLUSHALL}). */
    public void flushAll() {
        execute("FLUSHALL");
    }

    /**
     * Sends one command and returns the reply: a {@code String} for simple and bulk strings, a {@code Long} for
     * integers, a {@code List<Object>} for arrays, {@code null} for a null reply.
     *
     * @param command the command and its arguments, such as {@code "GET", "key"}
     * @return the reply
     * @throws RedisCommandException if the server answers with an error or cannot be reached within 5 s
     */
    public @Nullable Object execute(String... command) {
        if (command.length == 0) {
            throw new IllegalArgumentException("command must not be empty");
        }
        return Resp.call(host(), port, password, COMMAND_TIMEOUT_MILLIS, command);
    }

    /**
     * Whether the server answers {@code PING} within a second.
     *
     * @return {@code true} if it answered {@code PONG}
     */
    public boolean ping() {
        return answersPing(port, password, 1_000);
    }

    /**
     * The keys matching a glob pattern ({@code KEYS pattern}).
     *
     * @param pattern the pattern, such as {@code "lock:*"}
     * @return the keys, sorted
     */
    public List<String> keys(String pattern) {
        Object reply = execute("KEYS", pattern);
        List<String> keys = new ArrayList<>();
        if (reply instanceof List<?> list) {
            for (Object o : list) {
                keys.add(String.valueOf(o));
            }
        }
        keys.sort(Comparator.naturalOrder());
        return keys;
    }

    @Override
    public String toString() {
        return "RedisNode[" + host() + ":" + port + (isRunning() ? isPaused() ? ", paused" : "" : ", down") + "]";
    }

    static boolean answersPing(int port, @Nullable String password, int timeoutMillis) {
        try {
            return "PONG".equals(Resp.call(Launcher.LOOPBACK, port, password, timeoutMillis, "PING"));
        } catch (RedisCommandException e) {
            return false;
        }
    }

    List<String> args() {
        return args;
    }

    @Nullable
    String password() {
        return password;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /** Kills the process, if any, and deletes the data directory. Idempotent. */
    synchronized void destroy() {
        destroyed = true;
        NodeProxy px = proxy;
        if (px != null) {
            px.close();
        }
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
            awaitExit(p);
        }
        launcher.destroyed(this);
        deleteRecursively(dataDirectory);
    }

    private Process running() {
        checkNotDestroyed();
        Process p = process;
        if (p == null || !p.isAlive()) {
            throw new IllegalStateException(this + " is not running; call restart() to start it again");
        }
        return p;
    }

    private void checkNotDestroyed() {
        if (destroyed) {
            throw new IllegalStateException("RedisNode on port " + port + " was closed with its RedisNodes");
        }
    }

    private void resumeIfPaused() {
        if (paused) {
            resume();
        }
    }

    private void signal(String signal) {
        if (RedisBinary.isWindows()) {
            throw new UnsupportedOperationException("SIG" + signal + " is not available on Windows");
        }
        long pid = running().pid();
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed: "
                        + new String(kill.getInputStream().readAllBytes()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill -" + signal + " " + pid + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + signal + " to " + pid, e);
        }
    }

    private void awaitExit(Process p) {
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        paused = false;
        launcher.forgetPid(p.pid());
    }

    private void deleteData() {
        try (Stream<Path> files = Files.list(dataDirectory)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!f.getFileName().toString().equals("redis.log")) {
                    deleteRecursively(f);
                }
            }
        } catch (IOException ignored) {
            // nothing to delete
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
