package dev.redlock.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy in front of one Redis server, for network faults without touching the server: a client that connects
 * to the proxy's port instead of the server's can be cut off ({@link #cut()}), slowed down ({@link #delay}) or lose
 * one direction of its traffic ({@link #drop}), while other clients (and the testkit's own {@code execute}) still
 * reach the server directly. Give the engine {@link RedisNodes#proxiedUris()} to partition it from some nodes.
 *
 * <p>Each client connection gets its own connection to the server and four daemon threads (a reader and a writer
 * per direction), so the proxy is for tests, not for load. Thread-safe.
 *
 * @since 0.1
 */
public final class NodeProxy implements AutoCloseable {

    /** One direction of a proxied connection. */
    public enum Direction {
        /** From the client to the server: commands. */
        TO_SERVER,
        /** From the server to the client: replies and published messages. */
        TO_CLIENT
    }

    private static final int BUFFER = 16 * 1024;
    private static final byte[] END = new byte[0];

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final ServerSocket listener;
    private volatile boolean cut;
    private volatile long delayNanos;
    private volatile boolean dropToServer;
    private volatile boolean dropToClient;
    private volatile boolean closed;

    private NodeProxy(String targetHost, int targetPort, ServerSocket listener) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = listener;
        this.port = listener.getLocalPort();
        accept(listener);
    }

    /**
     * Starts a proxy on a free loopback port that forwards to {@code targetHost:targetPort}.
     *
     * @param targetHost the server's host; must not be null
     * @param targetPort the server's port
     * @return the running proxy
     * @throws IllegalStateException if no port can be bound
     */
    public static NodeProxy start(String targetHost, int targetPort) {
        Objects.requireNonNull(targetHost, "targetHost");
        return new NodeProxy(targetHost, targetPort, bind(0));
    }

    /**
     * The host the proxy listens on.
     *
     * @return {@code 127.0.0.1}
     */
    public String host() {
        return Launcher.LOOPBACK;
    }

    /**
     * The port the proxy listens on; it keeps it, also while {@link #cut()} (so no other process can take it).
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * The proxy's URI, for a client that should go through it.
     *
     * @return {@code redis://127.0.0.1:<port>}
     */
    public String uri() {
        return Launcher.uri(port);
    }

    /**
     * Cuts the client off, as a partition with a rejecting firewall would: closes every proxied connection and
     * resets each new one at once (TCP RST), until {@link #heal()}. The proxy keeps its port meanwhile, so the
     * client cannot end up talking to another server that took it.
     */
    public synchronized void cut() {
        cut = true;
        closeLinks();
    }

    /**
     * Delays every chunk of traffic, in both directions, by {@code delay} from the moment the proxy read it; a
     * round trip then takes at least twice {@code delay} longer. Applies to connections open now and later.
     *
     * @param delay the added one-way latency; not negative, {@link Duration#ZERO} for none
     */
    public void delay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        delayNanos = delay.toNanos();
    }

    /**
     * Silently discards the traffic of one direction while the connections stay open, as a one-way partition does:
     * {@link Direction#TO_SERVER} loses the commands (the server never sees them), {@link Direction#TO_CLIENT} the
     * replies (the server executes the commands, the client times out).
     *
     * @param direction the direction to drop; must not be null
     */
    public void drop(Direction direction) {
        Objects.requireNonNull(direction, "direction");
        if (direction == Direction.TO_SERVER) {
            dropToServer = true;
        } else {
            dropToClient = true;
        }
    }

    /**
     * Ends every fault: accepts connections again after {@link #cut()}, removes the delay and the drops.
     * Connections that lost traffic to a drop are closed (their byte streams may have lost half a command), so
     * clients reconnect cleanly.
     *
     * @throws IllegalStateException if the proxy is closed
     */
    public synchronized void heal() {
        checkOpen();
        boolean dropped = dropToServer || dropToClient;
        dropToServer = false;
        dropToClient = false;
        delayNanos = 0;
        if (dropped) {
            closeLinks();
        }
        cut = false;
    }

    /**
     * Whether the proxy is cut off by {@link #cut()}.
     *
     * @return {@code true} while cut
     */
    public boolean isCut() {
        return cut;
    }

    /**
     * The number of client connections proxied now.
     *
     * @return the count
     */
    public int connections() {
        return links.size();
    }

    /** Stops listening and closes every proxied connection. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        cut();
        closeQuietly(listener);
    }

    @Override
    public String toString() {
        return "NodeProxy[" + host() + ":" + port + " -> " + targetHost + ":" + targetPort
                + (isCut() ? ", cut" : "") + "]";
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
    }

    private void closeLinks() {
        for (Link link : links) {
            link.close();
        }
    }

    private static ServerSocket bind(int port) {
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(Launcher.LOOPBACK, port));
            return s;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + Launcher.LOOPBACK + ":" + port + ": " + e, e);
        }
    }

    private void accept(ServerSocket l) {
        daemon("accept", () -> {
            while (!l.isClosed()) {
                Socket client;
                try {
                    client = l.accept();
                } catch (IOException e) {
                    return; // closed by close()
                }
                if (cut) {
                    reset(client);
                    continue;
                }
                Socket server = new Socket();
                try {
                    client.setTcpNoDelay(true);
                    server.setTcpNoDelay(true);
                    server.connect(new InetSocketAddress(targetHost, targetPort), 5_000);
                } catch (IOException e) {
                    closeQuietly(client); // the server is down: the client sees its connection closed
                    closeQuietly(server);
                    continue;
                }
                Link link = new Link(client, server);
                links.add(link);
                synchronized (this) {
                    if (cut) {
                        link.close(); // cut while connecting
                        continue;
                    }
                }
                link.start();
            }
        }).start();
    }

    private Thread daemon(String what, Runnable r) {
        Thread t = new Thread(null, r, "redlock-testkit-proxy-" + port + "-" + what, 256 * 1024);
        t.setDaemon(true);
        return t;
    }

    /** Closes {@code s} with a TCP RST instead of an orderly FIN, as a rejecting firewall does. */
    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // closed anyway
        }
        closeQuietly(s);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }

    /** One proxied client connection and its connection to the server. */
    private final class Link {
        private final Socket client;
        private final Socket server;
        private final AtomicBoolean closed = new AtomicBoolean();

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() {
            pipe(client, server, Direction.TO_SERVER);
            pipe(server, client, Direction.TO_CLIENT);
        }

        private void pipe(Socket from, Socket to, Direction direction) {
            BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
            daemon(direction + "-read", () -> {
                byte[] buf = new byte[BUFFER];
                try (InputStream in = from.getInputStream()) {
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        boolean drop = direction == Direction.TO_SERVER ? dropToServer : dropToClient;
                        if (!drop && n > 0) {
                            queue.add(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buf, n)));
                        }
                    }
                } catch (IOException e) {
                    // closed
                } finally {
                    queue.add(new Chunk(System.nanoTime() + delayNanos, END));
                }
            }).start();
            daemon(direction + "-write", () -> {
                try (OutputStream out = to.getOutputStream()) {
                    while (true) {
                        Chunk c = queue.take();
                        long wait;
                        while ((wait = c.dueNanos - System.nanoTime()) > 0 && !closed.get()) {
                            LockSupport.parkNanos(wait);
                        }
                        if (c.bytes == END || closed.get()) {
                            break;
                        }
                        out.write(c.bytes);
                        out.flush();
                    }
                } catch (IOException e) {
                    // closed
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    close();
                }
            }).start();
        }

        void close() {
            if (closed.compareAndSet(false, true)) {
                closeQuietly(client);
                closeQuietly(server);
                links.remove(this);
            }
        }
    }

    private record Chunk(long dueNanos, byte[] bytes) {
    }
}
