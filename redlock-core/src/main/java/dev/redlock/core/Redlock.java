package dev.redlock.core;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.redisson.api.RedissonClient;

import dev.redlock.api.HeldLock;
import dev.redlock.api.LockSession;
import dev.redlock.api.LockState;
import dev.redlock.api.LockedFunction;
import dev.redlock.api.NodeVote;
import dev.redlock.api.spi.Limits;
import dev.redlock.core.internal.Args;
import dev.redlock.core.internal.Engine;
import dev.redlock.core.internal.Settings;

/**
 * The Redlock engine: mutual exclusion over N independent Redis masters, granted when a quorum of
 * {@code N/2 + 1} agrees in less time than the lock lives.
 *
 * <p>Create one per application with {@link #builder()} and close it at shutdown. Thread-safe.
 *
 * <p>Threads: the engine creates no thread per call. Node answers arrive on the Redis client's I/O threads, where
 * the engine only counts votes; the sync methods wait on the calling thread; the stages of
 * {@link #acquireAsync} and {@link #usingAsync} complete on the configured {@link Builder#executor executor}. The
 * watchdog and retry timers share one scheduler thread; listeners and {@link LockSession#lost()} callbacks run on
 * engine threads and must not block.
 *
 * @since 0.1
 */
public final class Redlock implements AutoCloseable {

    /** The default clock-drift factor, as in the Redlock reference. */
    public static final double DEFAULT_DRIFT_FACTOR = 0.01;
    /** The default retry count: unlimited, until the wait deadline. */
    public static final int DEFAULT_RETRY_COUNT = -1;
    /** The default pause between attempts. */
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofMillis(200);
    /** The default maximum random addition to the pause between attempts. */
    public static final Duration DEFAULT_RETRY_JITTER = Duration.ofMillis(100);
    /** The default remaining validity below which the watchdog extends a held lock. */
    public static final Duration DEFAULT_AUTOMATIC_EXTENSION_THRESHOLD = Duration.ofMillis(500);
    /** The default time a node has to answer one command. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(1);
    /** The default time a restarted node sits out, and the least the quarantine lasts: the longest lease expected. */
    public static final Duration DEFAULT_MAX_LEASE_TIME = Duration.ofSeconds(60);
    /**
     * The default time an acquisition keeps retrying while its attempts miss the quorum because nodes do not
     * answer: 5 s. Long enough to ride out a node's restart or reconnect and several command timeouts of a silent
     * node (the default command timeout is 1 s); short enough that an outage of a majority of nodes fails each
     * request well before a typical request timeout (30 s), instead of holding its thread until the nodes return.
     */
    public static final Duration DEFAULT_UNREACHABLE_TIMEOUT = Duration.ofSeconds(5);
    /** The default time a silent FIFO waiter keeps its place in the queue. */
    public static final Duration DEFAULT_FIFO_HEARTBEAT_TIMEOUT = Duration.ofSeconds(3);
    /**
     * The longest duration any setting or call accepts (lease times, timeouts, delays): 24 days, so that every one fits a
     * signed 32-bit count of milliseconds. A longer wait is allowed and means no deadline.
     */
    public static final Duration MAX_DURATION = Limits.MAX_DURATION;
    /** The default number of connections per node for clients the engine creates. */
    public static final int DEFAULT_CONNECTION_POOL_SIZE = 24;

    private final Engine engine;
    /** Whether {@link #acquireAsync} completes on the executor set with {@link Builder#executor}. */
    private final boolean hop;

    private Redlock(Engine engine, boolean hop) {
        this.engine = engine;
        this.hop = hop;
    }

    /** The engine, for the fault-injection tests in this package (test sources); not API. */
    Engine engine() {
        return engine;
    }

    /**
     * A builder with the default settings and no nodes.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Acquires a lock on all {@code keys}, retrying as configured (with the default retry count, until granted).
     *
     * @param keys the keys; not empty, none blank
     * @param leaseTime how long the lock stays valid without extension; positive
     * @return the granted lock
     * @throws dev.redlock.api.LockAcquisitionException if the retries ran out
     */
    public Lock acquire(List<String> keys, Duration leaseTime) {
        return engine.acquire("Redlock#acquire", keys, leaseTime, null);
    }

    /**
     * Acquires a lock on all {@code keys}, retrying for at most {@code wait}.
     *
     * @param keys the keys; not empty, none blank
     * @param leaseTime how long the lock stays valid without extension; positive
     * @param wait how long to retry; zero for one attempt
     * @return the granted lock
     * @throws dev.redlock.api.LockAcquisitionException if not granted within {@code wait}
     */
    public Lock acquire(List<String> keys, Duration leaseTime, Duration wait) {
        return engine.acquire("Redlock#acquire", keys, leaseTime, Objects.requireNonNull(wait, "wait"));
    }

    /**
     * Tries to acquire a lock on all {@code keys} for at most {@code wait}.
     *
     * @param keys the keys; not empty, none blank
     * @param leaseTime how long the lock stays valid without extension; positive
     * @param wait how long to retry; zero for one attempt
     * @return the lock, or empty if another owner held it throughout
     * @throws dev.redlock.api.LockAcquisitionException if it failed for another reason than a holder: nodes
     *                                                  unreachable, validity run out
     */
    public Optional<Lock> tryAcquire(List<String> keys, Duration leaseTime, Duration wait) {
        return engine.tryAcquire(keys, leaseTime, wait);
    }

    /**
     * Asynchronous {@link #acquire(List, Duration, Duration)}.
     *
     * @param keys the keys
     * @param leaseTime how long the lock stays valid without extension; positive
     * @param wait how long to retry
     * @return a stage completing with the lock or with {@link dev.redlock.api.LockAcquisitionException}
     */
    public CompletionStage<Lock> acquireAsync(List<String> keys, Duration leaseTime, Duration wait) {
        CompletionStage<dev.redlock.core.internal.LockImpl> stage = engine.acquireAsync("Redlock#acquireAsync", keys,
                leaseTime, Objects.requireNonNull(wait, "wait"));
        return hop ? stage.thenApplyAsync(l -> (Lock) l, engine.executor()) : stage.thenApply(l -> (Lock) l);
    }

    /**
     * Runs {@code fn} while holding a lock on {@code keys}, extending it automatically, then releases it.
     *
     * @param <T>  the result type
     * @param <E>  the checked exception {@code fn} may throw
     * @param keys the keys
     * @param leaseTime the lease time of the grant and of each automatic extension; positive
     * @param wait how long to wait for the lock; {@code null} to retry as configured (by default, forever)
     * @param fn   the function; sees the held lock
     * @return what {@code fn} returned
     * @throws E                                         what {@code fn} threw
     * @throws dev.redlock.api.LockAcquisitionException if the lock was not granted
     * @throws dev.redlock.api.LockLostException        if the lock was lost while {@code fn} ran
     */
    public <T, E extends Exception> T using(List<String> keys, Duration leaseTime, @Nullable Duration wait,
            LockedFunction<T, E> fn) throws E {
        return engine.using(keys, leaseTime, wait, fn);
    }

    /**
     * Asynchronous {@code using}: acquires, runs {@code fn}, keeps the lock extended until its stage completes,
     * then releases.
     *
     * @param <T>  the result type
     * @param keys the keys
     * @param leaseTime how long the lock stays valid without extension; positive
     * @param wait how long to wait; {@code null} to retry as configured
     * @param fn   the function
     * @return a stage with {@code fn}'s result
     */
    public <T> CompletionStage<T> usingAsync(List<String> keys, Duration leaseTime, @Nullable Duration wait,
            Function<LockSession, ? extends CompletionStage<T>> fn) {
        return engine.usingAsync(keys, leaseTime, wait, fn);
    }

    /**
     * Whether a quorum of nodes holds {@code key} for some owner now.
     *
     * @param key the key
     * @return {@code true} if locked
     */
    public boolean isLocked(String key) {
        return engine.isLocked(key);
    }

    /**
     * Whether {@code key} is held by a quorum of nodes ({@link LockState#HELD}), by some nodes but no quorum
     * ({@link LockState#HELD_ON_MINORITY}) or by none ({@link LockState#FREE}), from one read of every node; an
     * unreachable node counts as not holding it.
     *
     * @param key the key
     * @return the state now; never {@code null}
     * @since 0.1
     */
    public LockState lockState(String key) {
        return engine.lockState(key);
    }

    /**
     * The remaining TTL of {@code key}: the quorum-th largest TTL among the nodes.
     *
     * @param key the key
     * @return the remaining TTL; {@link Duration#ZERO} if not locked
     */
    public Duration remainingTtl(String key) {
        return engine.remainingTtl(key);
    }

    /**
     * The locks held now whose keys match the Redis glob {@code pattern}: those a quorum of nodes holds for one owner
     * ({@link dev.redlock.api.LockState#HELD}), and keys only a minority of nodes holds
     * ({@link dev.redlock.api.LockState#HELD_ON_MINORITY}: the remains of a lost or failed lock, or a grant still
     * collecting votes), each as {@link HeldLock#state()} says.
     *
     * @param pattern a Redis {@code SCAN MATCH} pattern, such as {@code redlock_app*}
     * @return the held locks, sorted by key
     */
    public List<HeldLock> inspect(String pattern) {
        return engine.inspect(pattern);
    }

    /**
     * The nodes, as {@code host:port}, in the order given to the builder.
     *
     * @return the nodes
     */
    public List<String> nodes() {
        return engine.nodeNames();
    }

    /**
     * Sends {@code PING} to every node in parallel and waits for the answers, each bounded by the
     * {@link Builder#commandTimeout command timeout}: the reachability a readiness check reports. The engine is
     * usable while a {@link #quorum()} of the votes is {@link NodeVote.Outcome#GRANTED GRANTED}.
     *
     * @return each node's answer, in node order: {@code GRANTED} when it answered in time, otherwise
     *         {@code ERROR} with the error (passwords masked); the node named as {@code host:port}
     * @since 0.2
     */
    public List<NodeVote> ping() {
        return engine.ping();
    }

    /**
     * Releases every lock this engine still holds, stops its watchdog, and shuts down the clients it created
     * (clients passed in with {@link Builder#clients(List)} are left running).
     */
    @Override
    public void close() {
        engine.close();
    }

    /**
     * How many votes a grant needs: {@code N/2 + 1} of the N nodes.
     *
     * @return the quorum
     */
    public int quorum() {
        return engine.quorum();
    }

    /**
     * How many locks this engine holds right now (granted, not yet released or lost).
     *
     * @return the number of held locks
     */
    public int heldLocks() {
        return engine.heldCount();
    }

    /**
     * How many keys this engine is subscribed to right now for release messages (one per key with waiters).
     *
     * @return the number of subscriptions
     */
    public int subscriptions() {
        return engine.subscriptionCount();
    }

    /**
     * How many acquisitions of this engine are waiting right now (started, neither granted nor failed yet).
     *
     * @return the number of waiting acquisitions
     */
    public int waiters() {
        return engine.waitingCount();
    }

    /**
     * Adds a listener told of every event from now on, after the builder's {@link Builder#listener listener}: the
     * way to attach metrics or logging to an engine built elsewhere. The listener is called synchronously on engine
     * threads and must be fast; an exception it throws is logged and ignored.
     *
     * @param listener the listener; must not be {@code null}
     * @throws NullPointerException if {@code listener} is null
     */
    public void addListener(RedlockListener listener) {
        engine.addListener(listener);
    }

    /**
     * Removes a listener added with {@link #addListener} (or given to the builder). An event being delivered while
     * this runs may still reach it.
     *
     * @param listener the listener
     * @return whether it was listening
     */
    public boolean removeListener(RedlockListener listener) {
        return engine.removeListener(listener);
    }

    /**
     * Builds a {@link Redlock}. Not thread-safe. Every setting is checked by {@link #build()}, which names a bad
     * one and its value.
     */
    public static final class Builder {

        private @Nullable List<String> uris;
        private @Nullable List<RedissonClient> clients;
        private @Nullable String password;
        private @Nullable URL truststore;
        private @Nullable String truststorePassword;
        private @Nullable URL keystore;
        private @Nullable String keystorePassword;
        private boolean verifyHostname = true;
        private String keyPrefix = "";
        private double driftFactor = DEFAULT_DRIFT_FACTOR;
        private int retryCount = DEFAULT_RETRY_COUNT;
        private Duration retryDelay = DEFAULT_RETRY_DELAY;
        private Duration retryJitter = DEFAULT_RETRY_JITTER;
        private Duration automaticExtensionThreshold = DEFAULT_AUTOMATIC_EXTENSION_THRESHOLD;
        private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
        private Duration unreachableTimeout = DEFAULT_UNREACHABLE_TIMEOUT;
        private boolean fifo;
        private Duration fifoHeartbeatTimeout = DEFAULT_FIFO_HEARTBEAT_TIMEOUT;
        private Duration maxLeaseTime = DEFAULT_MAX_LEASE_TIME;
        private boolean interruptOnLoss;
        private @Nullable RedlockListener listener;
        private int connectionPoolSize = DEFAULT_CONNECTION_POOL_SIZE;
        private @Nullable Executor executor;

        private Builder() {
        }

        /**
         * The nodes as Redis URIs, one per independent master: {@code redis://host:port},
         * {@code rediss://user:password@host:port/db}. The engine creates and owns a Redisson client per node
         * (command timeout {@link #commandTimeout}, no Redisson-level retries, lazy connection so that a minority
         * of nodes may be down at start).
         *
         * @param uris the node URIs; not empty
         * @return this builder
         */
        public Builder nodes(List<String> uris) {
            this.uris = new ArrayList<>(Objects.requireNonNull(uris, "nodes"));
            return this;
        }

        /**
         * The nodes as existing Redisson clients, one per independent deployment (single, sentinel or cluster).
         * The engine does not shut them down. Use {@code StringCodec}-compatible clients; the engine bounds each
         * call with {@link #commandTimeout} on top of the client's own timeout and retries.
         *
         * @param clients the clients; not empty
         * @return this builder
         */
        public Builder clients(List<RedissonClient> clients) {
            this.clients = new ArrayList<>(Objects.requireNonNull(clients, "clients"));
            return this;
        }

        /**
         * The password for nodes given as URIs without one.
         *
         * @param password the password, or {@code null} for none
         * @return this builder
         */
        public Builder password(@Nullable String password) {
            this.password = password;
            return this;
        }

        /**
         * The certificates that the clients the engine creates for {@code rediss://} URIs trust, instead of the
         * JDK's default trust store. {@link #build()} opens the store, so a wrong path or password fails there.
         *
         * @param location a PKCS12 or JKS store: a file ({@code path.toUri().toURL()}) or any URL
         * @param password its password, or {@code null} for none
         * @return this builder
         */
        public Builder truststore(URL location, @Nullable String password) {
            this.truststore = Objects.requireNonNull(location, "truststore");
            this.truststorePassword = password;
            return this;
        }

        /**
         * The client certificate and key that the clients the engine creates for {@code rediss://} URIs present,
         * for servers that require one ({@code tls-auth-clients yes}). {@link #build()} opens the store.
         *
         * @param location a PKCS12 or JKS store: a file ({@code path.toUri().toURL()}) or any URL
         * @param password its password, or {@code null} for none
         * @return this builder
         */
        public Builder keystore(URL location, @Nullable String password) {
            this.keystore = Objects.requireNonNull(location, "keystore");
            this.keystorePassword = password;
            return this;
        }

        /**
         * Whether a {@code rediss://} node's certificate must name the host the URI gives (the default), or only
         * chain to a trusted certificate authority: turn it off for nodes reached by an address their certificates
         * do not list. Ignored for nodes given as {@link #clients}.
         *
         * @param verify {@code true} (the default) to check the host name
         * @return this builder
         */
        public Builder verifyHostname(boolean verify) {
            this.verifyHostname = verify;
            return this;
        }

        /**
         * A prefix put in front of every key, such as {@code "redlock_app:"}.
         *
         * @param keyPrefix the prefix; empty (the default) for none
         * @return this builder
         */
        public Builder keyPrefix(String keyPrefix) {
            this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
            return this;
        }

        /**
         * The clock-drift factor; the drift margin of a grant is {@code leaseTime * driftFactor + 2 ms}.
         *
         * @param driftFactor in [0, 0.1]; default {@value Redlock#DEFAULT_DRIFT_FACTOR}
         * @return this builder
         */
        public Builder driftFactor(double driftFactor) {
            this.driftFactor = driftFactor;
            return this;
        }

        /**
         * How many times to retry a failed attempt; -1 for until the wait deadline (without one: until granted).
         *
         * @param retryCount at least -1; default -1
         * @return this builder
         */
        public Builder retryCount(int retryCount) {
            this.retryCount = retryCount;
            return this;
        }

        /**
         * The pause between attempts (waiters are also woken at once when the holder releases).
         *
         * @param retryDelay not negative; default 200 ms
         * @return this builder
         */
        public Builder retryDelay(Duration retryDelay) {
            this.retryDelay = Objects.requireNonNull(retryDelay, "retryDelay");
            return this;
        }

        /**
         * The maximum random time added to each pause.
         *
         * @param retryJitter not negative; default 100 ms
         * @return this builder
         */
        public Builder retryJitter(Duration retryJitter) {
            this.retryJitter = Objects.requireNonNull(retryJitter, "retryJitter");
            return this;
        }

        /**
         * The remaining validity below which the watchdog extends a lock held in {@link Redlock#using}. The
         * watchdog extends when the remaining validity falls below {@code max(threshold, leaseTime / 3)}.
         *
         * @param threshold positive; default 500 ms
         * @return this builder
         */
        public Builder automaticExtensionThreshold(Duration threshold) {
            this.automaticExtensionThreshold = Objects.requireNonNull(threshold, "automaticExtensionThreshold");
            return this;
        }

        /**
         * How long a node has to answer one command before it counts as a vote against.
         *
         * @param timeout positive; default 1 s
         * @return this builder
         */
        public Builder commandTimeout(Duration timeout) {
            this.commandTimeout = Objects.requireNonNull(timeout, "commandTimeout");
            return this;
        }

        /**
         * How long an acquisition keeps retrying while its attempts miss the quorum because nodes do not answer
         * (dead, paused, unreachable), counted from the first such attempt; then it fails with {@code RL1002}
         * ({@code UNREACHABLE}), naming the nodes and their errors. Waiting for a resource held by another owner is
         * not an outage: it goes on as long as the wait allows (by default, until granted), and an attempt that
         * finds the resource held by a quorum resets the count. A shorter wait still wins.
         *
         * @param timeout not negative (zero: fail at the first attempt that misses the quorum for want of
         *                answers); default 5 s
         * @return this builder
         */
        public Builder unreachableTimeout(Duration timeout) {
            this.unreachableTimeout = Objects.requireNonNull(timeout, "unreachableTimeout");
            return this;
        }

        /**
         * Whether waiters are granted in arrival order (a fair queue per resource) instead of by retry race.
         *
         * @param fifo default {@code false}
         * @return this builder
         */
        public Builder fifo(boolean fifo) {
            this.fifo = fifo;
            return this;
        }

        /**
         * In FIFO mode, how long a waiter that stopped heartbeating (its process died) keeps its place before the
         * queue skips it. Waiters heartbeat at least every third of this.
         *
         * @param timeout positive; default 3 s
         * @return this builder
         */
        public Builder fifoHeartbeatTimeout(Duration timeout) {
            this.fifoHeartbeatTimeout = Objects.requireNonNull(timeout, "fifoHeartbeatTimeout");
            return this;
        }

        /**
         * How long a node that restarted empty (or was flushed) sits out before it votes again: at least the
         * largest lease time any engine sharing the nodes grants. This engine uses the larger of this and the largest
         * lease time it has granted itself.
         *
         * @param maxLeaseTime positive; default 60 s
         * @return this builder
         */
        public Builder maxLeaseTime(Duration maxLeaseTime) {
            this.maxLeaseTime = Objects.requireNonNull(maxLeaseTime, "maxLeaseTime");
            return this;
        }

        /**
         * Whether a thread running {@link Redlock#using} is interrupted when its lock is lost.
         *
         * @param interrupt default {@code false}
         * @return this builder
         */
        public Builder interruptOnLoss(boolean interrupt) {
            this.interruptOnLoss = interrupt;
            return this;
        }

        /**
         * The listener told of every lock event.
         *
         * @param listener the listener, or {@code null} for none
         * @return this builder
         */
        public Builder listener(@Nullable RedlockListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * The connection pool size per node for clients the engine creates.
         *
         * @param size positive; default {@value Redlock#DEFAULT_CONNECTION_POOL_SIZE}
         * @return this builder
         */
        public Builder connectionPoolSize(int size) {
            this.connectionPoolSize = size;
            return this;
        }

        /**
         * The executor that completes the stages returned by {@link Redlock#usingAsync} and runs its function, and,
         * when set, completes the stages of {@link Redlock#acquireAsync} too. Without it, {@code acquireAsync}
         * completes on the engine's I/O thread (the thread that read the deciding vote, no further hand-off), where
         * a continuation must not block: chain blocking work with the {@code *Async} methods of
         * {@link CompletionStage} and an executor of yours, or set one here; {@code usingAsync} then uses
         * {@link ForkJoinPool#commonPool()}.
         *
         * @param executor the executor; default none (see above)
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Builds and starts the engine. Clients it creates connect lazily, so the engine starts even when some
         * nodes are down.
         *
         * @return the engine
         * @throws IllegalArgumentException if a setting is invalid, naming it and its value
         * @throws IllegalStateException    if no nodes were given, or both URIs and clients
         */
        public Redlock build() {
            List<String> u = uris == null ? List.of() : uris;
            List<RedissonClient> c = clients == null ? List.of() : clients;
            if (u.isEmpty() && c.isEmpty()) {
                throw new IllegalStateException("nodes must not be empty: set nodes(List.of(\"redis://host:6379\")) "
                        + "or clients(...), was nodes=" + u + ", clients=" + c);
            }
            if (!u.isEmpty() && !c.isEmpty()) {
                throw new IllegalStateException("set either nodes or clients, not both");
            }
            for (int i = 0; i < u.size(); i++) {
                Objects.requireNonNull(u.get(i), "nodes[" + i + "]");
            }
            for (int i = 0; i < c.size(); i++) {
                Objects.requireNonNull(c.get(i), "clients[" + i + "]");
            }
            if (!(driftFactor >= 0 && driftFactor <= 0.1)) {
                throw new IllegalArgumentException("driftFactor must be in [0, 0.1], was " + driftFactor);
            }
            if (retryCount < -1) {
                throw new IllegalArgumentException("retryCount must be -1 (until the deadline) or more, was "
                        + retryCount);
            }
            Args.text(keyPrefix, "keyPrefix", Args.MAX_PREFIX_LENGTH);
            Args.store(truststore, truststorePassword, "truststore");
            Args.store(keystore, keystorePassword, "keystore");
            Args.notNegativeMillis(retryDelay, "retryDelay");
            Args.notNegativeMillis(retryJitter, "retryJitter");
            Args.positiveMillis(automaticExtensionThreshold, "automaticExtensionThreshold");
            Args.positiveMillis(commandTimeout, "commandTimeout");
            Args.notNegativeMillis(unreachableTimeout, "unreachableTimeout");
            Args.positiveMillis(fifoHeartbeatTimeout, "fifoHeartbeatTimeout");
            Args.positiveMillis(maxLeaseTime, "maxLeaseTime");
            if (connectionPoolSize < 1) {
                throw new IllegalArgumentException("connectionPoolSize must be positive, was " + connectionPoolSize);
            }
            Settings.Stores stores = new Settings.Stores(truststore, truststorePassword, keystore, keystorePassword,
                    verifyHostname);
            Executor continuations = executor != null ? executor : ForkJoinPool.commonPool();
            return new Redlock(new Engine(new Settings(u, c, password, stores, keyPrefix, driftFactor, retryCount,
                    retryDelay, retryJitter, automaticExtensionThreshold, commandTimeout, unreachableTimeout, fifo,
                    fifoHeartbeatTimeout, maxLeaseTime, interruptOnLoss, listener, connectionPoolSize, continuations)),
                    executor != null);
        }
    }
}
