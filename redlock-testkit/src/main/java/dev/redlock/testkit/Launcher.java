package dev.redlock.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Starts {@code redis-server} processes and makes sure none outlives its JVM.
 *
 * <p>Every live process is kept in a set that a shutdown hook kills. Because a JVM killed with SIGKILL runs no
 * hooks, each process also gets a pid file naming the JVM that owns it; the first start in any later JVM kills
 * the processes whose owner is gone.
 */
final class Launcher {

    static final String LOOPBACK = "127.0.0.1";
    private static final int START_ATTEMPTS = 5;
    private static final long READY_TIMEOUT_MILLIS = 20_000;

    private static volatile @Nullable Launcher instance;

    private final Set<RedisNode> live = ConcurrentHashMap.newKeySet();
    private final Path pidDirectory;

    private Launcher(Path pidDirectory) {
        this.pidDirectory = pidDirectory;
    }

    /** The URI of a server (or proxy) listening on {@code port} of {@link #LOOPBACK}. */
    static String uri(int port) {
        return "redis://" + LOOPBACK + ":" + port;
    }

    static Launcher get() {
        Launcher l = instance;
        if (l == null) {
            synchronized (Launcher.class) {
                l = instance;
                if (l == null) {
                    l = new Launcher(stateDirectory().resolve("pids"));
                    l.killOrphans();
                    Launcher hooked = l;
                    Runtime.getRuntime().addShutdownHook(new Thread(hooked::killAll, "redlock-testkit-shutdown"));
                    instance = l;
                }
            }
        }
        return l;
    }

    static Path stateDirectory() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "redlock-testkit-" + user);
    }

    RedisNode start(String binary, List<String> args, @Nullable String password) {
        Path dataDirectory;
        try {
            Files.createDirectories(pidDirectory);
            dataDirectory = Files.createTempDirectory("redlock-redis-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data directory for redis-server", e);
        }
        RedisNode node = new RedisNode(this, binary, args, password, dataDirectory);
        IllegalStateException last = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            try {
                node.launch(freePort());
                return node;
            } catch (PortInUseException e) {
                last = new IllegalStateException(e.getMessage());
            }
        }
        node.destroy();
        throw new IllegalStateException("redis-server could not bind a free port in " + START_ATTEMPTS
                + " attempts", last);
    }

    /** Starts the process for {@code node} on {@code port} and waits until it answers PING. */
    Process spawn(RedisNode node, int port) {
        List<String> command = new ArrayList<>(List.of(node.binary(), "--port", Integer.toString(port), "--bind",
                LOOPBACK, "--save", "", "--appendonly", "no", "--dir", node.dataDirectory().toString(),
                "--daemonize", "no"));
        command.addAll(node.args());
        if (node.args().contains("--sentinel")) {
            // sentinel mode needs a writable config file as the first argument; it keeps its state there
            command.add(1, sentinelConfig(node).toString());
        }
        Path log = node.dataDirectory().resolve("redis.log");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + node.binary() + ": " + e.getMessage(), e);
        }
        writePidFile(process);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_TIMEOUT_MILLIS);
        while (true) {
            if (!process.isAlive()) {
                forgetPid(process.pid());
                String output = readLog(log);
                if (output.contains("Address already in use")) {
                    throw new PortInUseException("port " + port + " was taken");
                }
                throw new IllegalStateException("redis-server exited with code " + process.exitValue()
                        + " before answering on port " + port + "; command " + command + "; its output:\n" + output);
            }
            if (RedisNode.answersPing(port, node.password(), 500)) {
                return process;
            }
            if (System.nanoTime() - deadline > 0) {
                process.destroyForcibly();
                forgetPid(process.pid());
                throw new IllegalStateException("redis-server on port " + port + " did not answer PING within "
                        + READY_TIMEOUT_MILLIS + " ms; its output:\n" + readLog(log));
            }
            try {
                Thread.sleep(10); // polling a child process for readiness: there is no event to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                forgetPid(process.pid());
                throw new IllegalStateException("interrupted while starting redis-server", e);
            }
        }
    }

    private static Path sentinelConfig(RedisNode node) {
        Path conf = node.dataDirectory().resolve("sentinel.conf");
        try {
            if (!Files.exists(conf)) {
                Files.createFile(conf);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + conf, e);
        }
        return conf;
    }

    void started(RedisNode node) {
        live.add(node);
    }

    void destroyed(RedisNode node) {
        live.remove(node);
    }

    void forgetPid(long pid) {
        try {
            Files.deleteIfExists(pidDirectory.resolve(pid + ".pid"));
        } catch (IOException ignored) {
            // a stale pid file is cleaned up by the next JVM
        }
    }

    /** The pid file names the owning JVM and the server's start time, so a reused pid is never killed. */
    private void writePidFile(Process process) {
        long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        try {
            Files.writeString(pidDirectory.resolve(process.pid() + ".pid"),
                    ProcessHandle.current().pid() + " " + started, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the pid file of redis-server " + process.pid(), e);
        }
    }

    private void killAll() {
        for (RedisNode node : live) {
            node.destroy();
        }
    }

    /** Kills the redis-server processes whose owning JVM is gone, and removes their pid files. */
    void killOrphans() {
        if (!Files.isDirectory(pidDirectory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(pidDirectory, "*.pid")) {
            for (Path file : files) {
                long redisPid;
                long ownerPid;
                long started;
                try {
                    redisPid = Long.parseLong(file.getFileName().toString().replace(".pid", ""));
                    String[] content = Files.readString(file, StandardCharsets.US_ASCII).trim().split(" ");
                    ownerPid = Long.parseLong(content[0]);
                    started = Long.parseLong(content[1]);
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(file);
                    continue;
                }
                if (ProcessHandle.of(ownerPid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                ProcessHandle.of(redisPid).filter(h -> startedAt(h) == started && started != 0)
                        .ifPresent(ProcessHandle::destroyForcibly);
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // best effort: the orphans stay, but this JVM's own servers are unaffected
        }
    }

    private static long startedAt(ProcessHandle handle) {
        return handle.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free loopback port", e);
        }
    }

    static String readLog(Path log) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            List<String> all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - 30), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    static final class PortInUseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PortInUseException(String message) {
            super(message);
        }
    }
}
