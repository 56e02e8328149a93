package dev.redlock.cdi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;

/**
 * The configuration of Redlock for CDI: everything under {@code redlock.}, read with SmallRye Config, profiles
 * included ({@code %dev.redlock.lease-time=8s}).
 *
 * <p>Unset values are {@linkplain Optional#empty() empty} here; the extension fills them from the client they
 * inherit from and then from the defaults documented on each method (see {@code docs/cdi.md} for the table).
 * Durations take a unit ({@code 200ms}, {@code 8s}, {@code 1m}, {@code 2h}) or ISO-8601 ({@code PT8S}). The
 * namespaces {@code redlock.datasources.*} and {@code redlock.jta.*} belong to {@code redlock-datasource} and are not
 * mapped here.
 *
 * <p>A bad value fails start-up with a deployment problem that names the property.
 *
 * @since 0.1
 */
@ConfigMapping(prefix = "redlock")
public interface RedlockConfig {

    /**
     * The application name in the default key prefix {@code redlock_{app-name}[_local]:}.
     *
     * @return {@code redlock.app-name}; default {@code app}; letters, digits, {@code .}, {@code _}, {@code -}
     */
    Optional<String> appName();

    /**
     * Replaces the whole key prefix, {@code redlock_{app-name}} plus {@code _local} in the dev and test profiles
     * plus {@code :}.
     *
     * @return {@code redlock.key-prefix}; no whitespace or control characters
     */
    Optional<String> keyPrefix();

    /**
     * The {@code default} client: {@code redlock.nodes}, {@code redlock.lease-time}, ...
     *
     * @return the default client's settings
     */
    @WithParentName
    Client client();

    /**
     * Named clients, {@code redlock.clients.<name>.*}; a meta chooses one with {@code @Meta(client = ...)} or
     * {@code redlock.meta."<module:meta>".client}, a call with {@code LockOptions.client}.
     *
     * @return the named clients by name
     */
    Map<String, NamedClient> clients();

    /**
     * Per-module overrides, {@code redlock.modules."<module>".*}.
     *
     * @return the overrides by module name
     */
    Map<String, ModuleOverride> modules();

    /**
     * Per-meta overrides, {@code redlock.meta."<module:meta>".*}.
     *
     * @return the overrides by full meta name
     */
    Map<String, MetaOverride> meta();

    /**
     * What the inspect calls of {@code Onion} log, {@code redlock.inspect.*}.
     *
     * @return the inspect settings
     * @since 0.2
     */
    Inspect inspect();

    /** What the inspect calls log. */
    interface Inspect {

        /**
         * The level of the one record each {@code inspectMeta} and {@code inspectLocks} call logs.
         *
         * @return {@code redlock.inspect.log-level}: {@code TRACE}, {@code DEBUG}, {@code INFO}, {@code WARN}
         *         ({@code WARNING}), {@code ERROR} or {@code OFF}, in any case; default {@code INFO}
         */
        Optional<String> logLevel();
    }

    /** The settings of one engine: its nodes and its lock behaviour. */
    interface Client {

        /**
         * The Redis nodes, one URI per independent master: {@code redis://host:6379},
         * {@code rediss://user:password@host:6380}.
         *
         * @return the node URIs, comma-separated in properties
         */
        Optional<List<String>> nodes();

        /**
         * The user name for nodes whose URI has none (Redis 6 ACL).
         *
         * @return the user name
         */
        Optional<String> username();

        /**
         * The password for nodes whose URI has none.
         *
         * @return the password
         */
        Optional<String> password();

        /**
         * TLS options, used by {@code rediss://} nodes.
         *
         * @return the TLS options
         */
        Tls tls();

        /**
         * The lease time: how long a lock stays valid without extension ({@code LockOptions.leaseTime}); extended
         * automatically while the function runs. Formerly {@code lock-ttl}, which now fails start-up.
         *
         * @return default 30 s; 8 s in the {@code dev} profile, 60 s in {@code test}
         */
        Optional<Duration> leaseTime();

        /**
         * How long {@code lock} waits for a held resource before failing.
         *
         * @return default: until granted
         */
        Optional<Duration> waitTime();

        /**
         * The clock-drift factor.
         *
         * @return default 0.01; in [0, 0.1]
         */
        OptionalDouble driftFactor();

        /**
         * How many times a failed attempt is retried; -1 for until the wait time ends.
         *
         * @return default -1; at least -1
         */
        OptionalInt retryCount();

        /**
         * The pause between attempts.
         *
         * @return default 200 ms; not negative
         */
        Optional<Duration> retryDelay();

        /**
         * The maximum random addition to each pause.
         *
         * @return default 100 ms; not negative
         */
        Optional<Duration> retryJitter();

        /**
         * The remaining validity below which a held lock is extended.
         *
         * @return default 500 ms; positive, below the lease time
         */
        Optional<Duration> extensionThreshold();

        /**
         * Whether waiters are granted in arrival order.
         *
         * @return default {@code false}
         */
        Optional<Boolean> fifo();

        /**
         * How long a node has to answer one command.
         *
         * @return default 1 s; positive
         */
        Optional<Duration> commandTimeout();

        /**
         * How long {@code lock} keeps retrying while its attempts miss the quorum because nodes do not answer (an
         * outage, not contention) before it fails with {@code RL1002}; waiting for a held resource is not bounded
         * by it.
         *
         * @return default 5 s ({@code Redlock.DEFAULT_UNREACHABLE_TIMEOUT}); not negative
         */
        Optional<Duration> unreachableTimeout();
    }

    /** A named client: a {@link Client} that inherits what it does not set. */
    interface NamedClient extends Client {

        /**
         * The client whose settings this one inherits.
         *
         * @return {@code redlock.clients.<name>.inherit-from}; default {@code default}
         */
        Optional<String> inheritFrom();
    }

    /** TLS options for {@code rediss://} nodes. */
    interface Tls {

        /**
         * The trust store: a file path or URL.
         *
         * @return the trust store
         */
        Optional<String> truststore();

        /**
         * The trust store password.
         *
         * @return the password
         */
        Optional<String> truststorePassword();

        /**
         * The key store for client certificates: a file path or URL.
         *
         * @return the key store
         */
        Optional<String> keystore();

        /**
         * The key store password.
         *
         * @return the password
         */
        Optional<String> keystorePassword();

        /**
         * Whether the server's host name is checked against its certificate.
         *
         * @return default {@code true}
         */
        Optional<Boolean> verifyHostname();
    }

    /** Overrides for the metas of one module. */
    interface ModuleOverride {

        /**
         * The lease time of the module's locks.
         *
         * @return the lease time; positive
         */
        Optional<Duration> leaseTime();

        /**
         * The wait time of the module's locks.
         *
         * @return the wait time; not negative
         */
        Optional<Duration> waitTime();

        /**
         * The client of the module's metas (a meta's own setting wins).
         *
         * @return the client name
         */
        Optional<String> client();
    }

    /** Overrides of one meta's {@code @Meta} attributes. */
    interface MetaOverride {

        /**
         * Overrides {@code @Meta(enable)}.
         *
         * @return whether the meta is enabled
         */
        Optional<Boolean> enable();

        /**
         * Overrides {@code @Meta(mode)}: the profiles the meta is in effect in; empty for all.
         *
         * @return the profiles, comma-separated in properties
         */
        @WithName("mode")
        Optional<List<String>> mode();

        /**
         * Overrides {@code @Meta(client)}.
         *
         * @return the client name
         */
        Optional<String> client();
    }
}
