package dev.redlock.core.internal;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;
import org.redisson.api.RedissonClient;

import dev.redlock.core.RedlockListener;
import dev.redlock.core.nodes.NodeUri;

/**
 * The checked settings of one engine, as {@code Redlock.Builder} collected them.
 *
 * @param uris                 node URIs (the engine creates the clients), or empty
 * @param clients              existing clients, or empty
 * @param password             password for URIs without one
 * @param stores               trust and key stores for {@code rediss://} URIs
 * @param keyPrefix            prepended to every key
 * @param driftFactor          clock-drift factor
 * @param retryCount           retries after the first attempt; -1 until the deadline
 * @param retryDelay           pause between attempts
 * @param retryJitter          maximum random addition to the pause
 * @param extensionThreshold   remaining validity below which the watchdog extends
 * @param commandTimeout       per-node command timeout
 * @param unreachableTimeout   how long an acquisition retries while nodes do not answer
 * @param fifo                 fair queue per key
 * @param fifoHeartbeatTimeout how long a silent waiter keeps its place
 * @param maxLeaseTime         how long a restarted node sits out (at least the largest lease time granted)
 * @param interruptOnLoss      interrupt the thread of {@code using} on loss
 * @param listener             event listener
 * @param connectionPoolSize   connections per engine-created client
 * @param executor             runs callers' asynchronous continuations and {@code usingAsync} functions
 */
public record Settings(List<String> uris, List<RedissonClient> clients, @Nullable String password, Stores stores,
        String keyPrefix, double driftFactor, int retryCount, Duration retryDelay, Duration retryJitter,
        Duration extensionThreshold, Duration commandTimeout, Duration unreachableTimeout, boolean fifo,
        Duration fifoHeartbeatTimeout,
        Duration maxLeaseTime, boolean interruptOnLoss, @Nullable RedlockListener listener, int connectionPoolSize,
        Executor executor) {

    /**
     * The TLS stores of the clients the engine creates for {@code rediss://} URIs; {@code null} locations for the
     * JDK defaults.
     *
     * @param truststore         the certificates to trust, or {@code null}
     * @param truststorePassword its password, or {@code null}
     * @param keystore           the client certificate and key, or {@code null}
     * @param keystorePassword   its password, or {@code null}
     * @param verifyHostname     whether the server certificate must name the host (else the CA check alone)
     */
    public record Stores(@Nullable URL truststore, @Nullable String truststorePassword, @Nullable URL keystore,
            @Nullable String keystorePassword, boolean verifyHostname) {

        /**
         * Stores with host name verification on.
         *
         * @param truststore         the certificates to trust, or {@code null}
         * @param truststorePassword its password, or {@code null}
         * @param keystore           the client certificate and key, or {@code null}
         * @param keystorePassword   its password, or {@code null}
         */
        public Stores(@Nullable URL truststore, @Nullable String truststorePassword, @Nullable URL keystore,
                @Nullable String keystorePassword) {
            this(truststore, truststorePassword, keystore, keystorePassword, true);
        }

        /** The locations, never the passwords. */
        @Override
        public String toString() {
            return "Stores[truststore=" + truststore + ", truststorePassword="
                    + (truststorePassword == null ? "null" : "***") + ", keystore=" + keystore
                    + ", keystorePassword=" + (keystorePassword == null ? "null" : "***") + ", verifyHostname="
                    + verifyHostname + "]";
        }
    }

    /** Copies the lists. */
    public Settings {
        uris = List.copyOf(uris);
        clients = List.copyOf(clients);
    }

    /** Like the record's own, but with the passwords (in {@link #password} and inside the URIs) masked. */
    @Override
    public String toString() {
        return "Settings[uris=" + uris.stream().map(NodeUri::mask).toList() + ", clients=" + clients
                + ", password=" + (password == null ? "null" : "***") + ", stores=" + stores + ", keyPrefix=" + keyPrefix
                + ", driftFactor="
                + driftFactor + ", retryCount=" + retryCount + ", retryDelay=" + retryDelay + ", retryJitter="
                + retryJitter + ", extensionThreshold=" + extensionThreshold + ", commandTimeout=" + commandTimeout
                + ", unreachableTimeout=" + unreachableTimeout
                + ", fifo=" + fifo + ", fifoHeartbeatTimeout=" + fifoHeartbeatTimeout + ", maxLeaseTime=" + maxLeaseTime
                + ", interruptOnLoss=" + interruptOnLoss + ", listener=" + listener + ", connectionPoolSize="
                + connectionPoolSize + ", executor=" + executor + "]";
    }
}
