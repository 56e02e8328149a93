package dev.redlock.cdi.internal;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.redlock.core.nodes.NodeUri;

/**
 * The resolved settings of one named client: inheritance applied, defaults filled, values checked.
 *
 * @param name               the client name ({@code default} for the top-level settings)
 * @param nodes              the nodes
 * @param tls                the TLS options
 * @param leaseTime          the lease time
 * @param waitTime           the wait time, or {@code null} for until granted
 * @param driftFactor        the clock-drift factor
 * @param retryCount         the retry count
 * @param retryDelay         the retry delay
 * @param retryJitter        the retry jitter
 * @param extensionThreshold the extension threshold
 * @param fifo               whether waiters are served in order
 * @param commandTimeout     the command timeout
 * @param unreachableTimeout how long an acquisition retries while nodes do not answer
 */
public record ClientSettings(String name, List<NodeAddress> nodes, TlsSettings tls, Duration leaseTime,
        @Nullable Duration waitTime, double driftFactor, int retryCount, Duration retryDelay, Duration retryJitter,
        Duration extensionThreshold, boolean fifo, Duration commandTimeout, Duration unreachableTimeout) {

    /**
     * One Redis node.
     *
     * @param uri      the URI without credentials: {@code redis://host:port}
     * @param username the user name, or {@code null}
     * @param password the password, or {@code null}
     */
    public record NodeAddress(String uri, @Nullable String username, @Nullable String password) {

        /**
         * Whether the node is reached over TLS.
         *
         * @return {@code true} for {@code rediss://}
         */
        public boolean tls() {
            return uri.startsWith("rediss:");
        }

        /**
         * The URI the engine's builder reads back as this node, credentials included (percent-encoded): never log it.
         *
         * @return {@code scheme://[user:password@]host:port}
         */
        public String engineUri() {
            return NodeUri.parse(uri).withCredentials(username, password).toUri();
        }

        @Override
        public String toString() {
            return uri; // never the password
        }
    }

    /**
     * TLS options.
     *
     * @param truststore         the trust store, or {@code null} for the JDK's
     * @param truststorePassword its password
     * @param keystore           the key store, or {@code null}
     * @param keystorePassword   its password
     * @param verifyHostname     whether host names are verified
     */
    public record TlsSettings(@Nullable URL truststore, @Nullable String truststorePassword, @Nullable URL keystore,
            @Nullable String keystorePassword, boolean verifyHostname) {

        @Override
        public String toString() {
            return "TlsSettings[truststore=" + truststore + ", keystore=" + keystore + ", verifyHostname="
                    + verifyHostname + "]";
        }
    }
}
