package com.example.demo;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.jspecify.annotations.Nullable;

import com.example.auth.AuthController;
import com.example.student.StudentController;
import com.sun.net.httpserver.HttpServer;

import dev.redlock.testkit.RedisNodes;

/**
 * The example app: Weld SE with the redlock extension, Jersey on the JDK's HTTP server, an embedded H2 database and,
 * unless {@code redlock.nodes} is configured, three local {@code redis-server} nodes of its own.
 *
 * <p>{@link #main(String[])} starts it on {@code demo.port} (default {@value #DEFAULT_PORT}; {@code 0} for any free
 * port) and stops it on Ctrl-C. Tests use {@link #start(Options)} and {@link #close()}.
 */
public final class DemoApp implements AutoCloseable {

    /** The port when {@code demo.port} is not set. */
    public static final int DEFAULT_PORT = 8080;

    /** How many Redis nodes the app starts when {@code redlock.nodes} is not configured. */
    public static final int EMBEDDED_NODES = 3;

    private static final String NODES_KEY = "redlock.nodes";

    /** Kept: java.util.logging holds loggers weakly, and a collected logger forgets its level. */
    private static final Logger REDISSON_LOG = Logger.getLogger("org.redisson");

    private final @Nullable RedisNodes ownNodes;
    private final @Nullable String previousNodes;
    private final WeldContainer container;
    private final HttpServer server;
    private final URI uri;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * How to start the app.
     *
     * @param port  the HTTP port on 127.0.0.1; 0 for any free port
     * @param nodes the Redis node URIs; empty to start {@value #EMBEDDED_NODES} local nodes
     */
    public record Options(int port, List<String> nodes) {

        /** Checks the values. */
        public Options {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be in 0..65535, was " + port);
            }
            nodes = List.copyOf(nodes);
        }

        /**
         * The options from MicroProfile Config: {@code demo.port} (system property {@code -Ddemo.port=9090} or
         * environment {@code DEMO_PORT}) and {@code redlock.nodes}.
         *
         * @param config the configuration
         * @return the options
         */
        public static Options fromConfig(Config config) {
            int port = config.getOptionalValue("demo.port", Integer.class).orElse(DEFAULT_PORT);
            List<String> nodes = config.getOptionalValues(NODES_KEY, String.class).orElse(List.of());
            return new Options(port, nodes);
        }
    }

    private DemoApp(@Nullable RedisNodes ownNodes, @Nullable String previousNodes, WeldContainer container,
            HttpServer server) {
        this.ownNodes = ownNodes;
        this.previousNodes = previousNodes;
        this.container = container;
        this.server = server;
        this.uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /**
     * Starts the app and waits until it is stopped with Ctrl-C (or {@code kill}).
     *
     * @param args ignored; configure with {@code -Ddemo.port=...} and {@code -Dredlock.nodes=...}
     */
    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            // one line per record, as VonaJS's console: time, level, logger, message
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT.%1$tL %4$s [%3$s] %5$s%6$s%n");
        }
        REDISSON_LOG.setLevel(Level.WARNING); // not a line per connection pool
        DemoApp app;
        try {
            app = start(Options.fromConfig(ConfigProvider.getConfig()));
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "demo-student-shutdown"));
        System.out.println();
        System.out.println("demo-student is running on " + app.uri());
        System.out.println("  curl " + app.uri() + "student/test");
        System.out.println("  curl -X POST " + app.uri() + "student/42/score");
        System.out.println("  curl " + app.uri() + "inspect");
        System.out.println("Press Ctrl-C to stop (the app stops its Redis nodes too).");
        app.awaitStop();
    }

    /**
     * Starts Redis nodes if none are configured, the CDI container and the HTTP server.
     *
     * @param options the port and nodes
     * @return the running app; close it to stop everything
     * @throws IllegalStateException if the port is taken or a part fails to start; whatever had started is stopped
     */
    public static DemoApp start(Options options) {
        RedisNodes ownNodes = null;
        String previousNodes = System.getProperty(NODES_KEY);
        WeldContainer container = null;
        try {
            checkPortFree(options.port()); // before anything slow starts; startServer reports a later race
            if (options.nodes().isEmpty()) {
                ownNodes = RedisNodes.start(EMBEDDED_NODES);
                // the extension reads redlock.nodes when the container starts
                System.setProperty(NODES_KEY, String.join(",", ownNodes.uris()));
                System.out.println("Started " + EMBEDDED_NODES + " local Redis nodes: " + ownNodes.uris()
                        + " (set redlock.nodes to use your own)");
            } else {
                System.setProperty(NODES_KEY, String.join(",", options.nodes()));
            }
            // tag::weld[]
            container = new Weld("demo-student")
                    // the redlock extensions register their own beans (Onion, DatasourceLevels); nothing to add here
                    // close() stops the server first, then the container: no second hook racing it
                    .skipShutdownHook().initialize();
            // end::weld[]
            HttpServer server = startServer(options.port());
            return new DemoApp(ownNodes, previousNodes, container, server);
        } catch (RuntimeException e) {
            if (container != null) {
                container.close();
            }
            if (ownNodes != null) {
                ownNodes.close();
            }
            restore(previousNodes);
            throw e;
        }
    }

    private static void checkPortFree(int port) {
        if (port == 0) {
            return;
        }
        try {
            new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close();
        } catch (IOException e) {
            throw portInUse(port, e);
        }
    }

    private static IllegalStateException portInUse(int port, Exception e) {
        return new IllegalStateException("demo-student: port " + port + " on 127.0.0.1 is in use;"
                + " start with -Ddemo.port=<another port> (0 picks a free one)", e);
    }

    private static HttpServer startServer(int port) {
        // tag::jersey[]
        ResourceConfig resources = new ResourceConfig(StudentController.class, AuthController.class,
                InspectController.class);
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        // end::jersey[]
        resources.property(ServerProperties.WADL_FEATURE_DISABLE, true); // no JAXB here, so no WADL
        resources.register(JacksonFeature.class); // the JSON of /inspect
        try {
            return JdkHttpServerFactory.createHttpServer(base, resources);
        } catch (ProcessingException e) {
            if (causedBy(e, BindException.class)) {
                throw portInUse(port, e);
            }
            throw e;
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends IOException> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The base URI, {@code http://127.0.0.1:<port>/}.
     *
     * @return the URI
     */
    public URI uri() {
        return uri;
    }

    /**
     * The nodes the app started itself, if it did.
     *
     * @return the nodes, or empty when {@code redlock.nodes} was configured
     */
    public Optional<RedisNodes> ownNodes() {
        return Optional.ofNullable(ownNodes);
    }

    /** Blocks until {@link #close()} has run. */
    public void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the HTTP server, then the container (which releases held locks and closes the Redis clients), then the
     * Redis nodes the app started. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.stop(0);
            container.close();
        } finally {
            if (ownNodes != null) {
                ownNodes.close();
                System.out.println("demo-student stopped; its Redis nodes are stopped");
            }
            restore(previousNodes);
            stopped.countDown();
        }
    }

    private static void restore(@Nullable String previousNodes) {
        if (previousNodes == null) {
            System.clearProperty(NODES_KEY);
        } else {
            System.setProperty(NODES_KEY, previousNodes);
        }
    }
}
