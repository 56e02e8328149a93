package dev.redlock.cdi.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.config.Config;
import org.redisson.config.SslVerificationMode;

import dev.redlock.core.Redlock;

/**
 * The Redisson clients of the configured nodes, one per distinct node connection, shared by the engines of
 * clients that use the same node. Created lazily connected, so a node that is down at start-up does not stop the
 * application (the lock quorum decides); closed after the engines. Not thread-safe: used during start-up and
 * shutdown only.
 */
final class NodeClients implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("dev.redlock.cdi");

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, RedissonClient> clients = new LinkedHashMap<>();

    /** The clients of one engine's nodes, in configuration order. */
    List<RedissonClient> clientsFor(ClientSettings settings) {
        List<RedissonClient> result = new ArrayList<>();
        for (ClientSettings.NodeAddress node : settings.nodes()) {
            String id = node.uri() + "|" + node.username() + "|" + Objects.hashCode(node.password()) + "|"
                    + settings.tls() + "|" + settings.commandTimeout();
            result.add(clients.computeIfAbsent(id, k -> create(node, settings)));
        }
        return result;
    }

    private static RedissonClient create(ClientSettings.NodeAddress node, ClientSettings settings) {
        int timeout = (int) Math.min(Integer.MAX_VALUE, settings.commandTimeout().toMillis());
        Config config = new Config();
        config.setLazyInitialization(true);
        // as the engine configures the clients it creates itself: Redisson's defaults (32 Netty threads, 16
        // executor threads, 64 connections) spread consecutive commands over cold threads, which cost the W6
        // benchmark about 140 µs per acquire+release on this 2-core machine
        config.setThreads(2);
        config.setNettyThreads(2);
        config.useSingleServer()
                .setAddress(node.uri())
                .setTimeout(timeout)
                .setConnectTimeout(timeout)
                .setRetryAttempts(0)
                .setConnectionPoolSize(Redlock.DEFAULT_CONNECTION_POOL_SIZE)
                .setConnectionMinimumIdleSize(1)
                .setSubscriptionConnectionPoolSize(2)
                .setSubscriptionConnectionMinimumIdleSize(1)
                .setClientName("redlock-cdi");
        if (node.username() != null) {
            config.setUsername(node.username());
        }
        if (node.password() != null) {
            config.setPassword(node.password());
        }
        ClientSettings.TlsSettings tls = settings.tls();
        if (node.tls()) {
            config.setSslVerificationMode(tls.verifyHostname() ? SslVerificationMode.STRICT : SslVerificationMode.CA_ONLY);
            if (tls.truststore() != null) {
                config.setSslTruststore(tls.truststore()).setSslTruststorePassword(tls.truststorePassword());
            }
            if (tls.keystore() != null) {
                config.setSslKeystore(tls.keystore()).setSslKeystorePassword(tls.keystorePassword());
            }
        }
        return Redisson.create(config);
    }

    /** Pings every node of {@code settings} and logs whether it answered; returns how many answered. */
    int pingAndLog(ClientSettings settings, List<RedissonClient> nodeClients) {
        int answered = 0;
        Duration timeout = settings.commandTimeout();
        for (int i = 0; i < nodeClients.size(); i++) {
            String uri = settings.nodes().get(i).uri();
            boolean ok;
            String error = "";
            try {
                ok = nodeClients.get(i).getRedisNodes(RedisNodes.SINGLE).getInstance()
                        .ping(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                ok = false;
                error = ": " + e.getMessage();
            }
            if (ok) {
                answered++;
                LOG.log(Level.INFO, "redlock: client ''{0}'': node {1} answered PING", settings.name(), uri);
            } else {
                LOG.log(Level.WARNING, "redlock: client ''{0}'': node {1} did not answer PING within {2}{3}",
                        settings.name(), uri, timeout, error);
            }
        }
        return answered;
    }

    @Override
    public void close() {
        // all at once, without Netty's default two-second quiet period: nothing is in flight after the engines closed
        List<java.util.concurrent.CompletableFuture<Void>> stops = new ArrayList<>();
        for (RedissonClient c : clients.values()) {
            stops.add(c.shutdownAsync(Duration.ZERO, SHUTDOWN_TIMEOUT).toCompletableFuture());
        }
        for (java.util.concurrent.CompletableFuture<Void> stop : stops) {
            try {
                stop.get(SHUTDOWN_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.log(Level.WARNING, "redlock: shutting down a Redis client failed: " + e, e);
            }
        }
        clients.clear();
    }
}
