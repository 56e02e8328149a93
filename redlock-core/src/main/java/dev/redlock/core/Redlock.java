package dev.redlock.core;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.redisson.api.RedissonClient;

import dev.redlock.api.HeldLock;
import dev.redlock.api.LockSession;
import dev.redlock.api.LockedFunction;

/**
 * The Redlock engine: mutual exclusion over N independent Redis masters, granted when a quorum of
 * {@code N/2 + 1} agrees in less time than the lock lives.
 *
 * <p>Create one per application with {@link #builder()} and close it at shutdown. Thread-safe.
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

    private Redlock() {
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
     * @param ttl  the time to live; positive
     * @return the granted lock
     * @throws dev.redlock.api.LockAcquisitionException if the retries ran out
     */
    public Lock acquire(List<String> keys, Duration ttl) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Acquires a lock on all {@code keys}, retrying for at most {@code wait}.
     *
     * @param keys the keys; not empty, none blank
     * @param ttl  the time to live; positive
     * @param wait how long to retry; zero for one attempt
     * @return the granted lock
     * @throws dev.redlock.api.LockAcquisitionException if not granted within {@code wait}
     */
    public Lock acquire(List<String> keys, Duration ttl, Duration wait) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Tries to acquire a lock on all {@code keys} for at most {@code wait}.
     *
     * @param keys the keys; not empty, none blank
     * @param ttl  the time to live; positive
     * @param wait how long to retry; zero for one attempt
     * @return the lock, or empty if another owner held it throughout
     * @throws dev.redlock.api.LockAcquisitionException if it failed for another reason than a holder: nodes
     *                                                  unreachable, validity run out
     */
    public Optional<Lock> tryAcquire(List<String> keys, Duration ttl, Duration wait) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Asynchronous {@link #acquire(List, Duration, Duration)}.
     *
     * @param keys the keys
     * @param ttl  the time to live
     * @param wait how long to retry
     * @return a stage completing with the lock or with {@link dev.redlock.api.LockAcquisitionException}
     */
    public CompletionStage<Lock> acquireAsync(List<String> keys, Duration ttl, Duration wait) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Runs {@code fn} while holding a lock on {@code keys}, extending it automatically, then releases it.
     *
     * @param <T>  the result type
     * @param <E>  the checked exception {@code fn} may throw
     * @param keys the keys
     * @param ttl  the time to live of each grant and extension
     * @param wait how long to wait for the lock; {@code null} to retry as configured (by default, forever)
     * @param fn   the function; sees the held lock
     * @return what {@code fn} returned
     * @throws E                                         what {@code fn} threw
     * @throws dev.redlock.api.LockAcquisitionException if the lock was not granted
     * @throws dev.redlock.api.LockLostException        if the lock was lost while {@code fn} ran
     */
    public <T, E extends Exception> T using(List<String> keys, Duration ttl, @Nullable Duration wait,
            LockedFunction<T, E> fn) throws E {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Asynchronous {@code using}: acquires, runs {@code fn}, keeps the lock extended until its stage completes,
     * then releases.
     *
     * @param <T>  the result type
     * @param keys the keys
     * @param ttl  the time to live
     * @param wait how long to wait; {@code null} to retry as configured
     * @param fn   the function
     * @return a stage with {@code fn}'s result
     */
    public <T> CompletionStage<T> usingAsync(List<String> keys, Duration ttl, @Nullable Duration wait,
            Function<LockSession, ? extends CompletionStage<T>> fn) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Whether a quorum of nodes holds {@code key} for some owner now.
     *
     * @param key the key
     * @return {@code true} if locked
     */
    public boolean isLocked(String key) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * The remaining TTL of {@code key}: the quorum-th largest TTL among the nodes.
     *
     * @param key the key
     * @return the remaining TTL; {@link Duration#ZERO} if not locked
     */
    public Duration remainingTtl(String key) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * The locks held now whose keys match the Redis glob {@code pattern}, as a quorum of nodes sees them.
     *
     * @param pattern a Redis {@code SCAN MATCH} pattern, such as {@code redlock_app*}
     * @return the held locks, sorted by key
     */
    public List<HeldLock> inspect(String pattern) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * The nodes, as {@code host:port}, in the order given to the builder.
     *
     * @return the nodes
     */
    public List<String> nodes() {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Releases every lock this engine still holds, stops its watchdog, and shuts down the clients it created
     * (clients passed in with {@link Builder#clients(List)} are left running).
     */
    @Override
    public void close() {
    }

    /**
     * Builds a {@link Redlock}. Not thread-safe. Every setting is checked by {@link #build()}, which names a bad
     * one and its value.
     */
    public static final class Builder {

        private Builder() {
        }

        /**
         * The nodes as Redis URIs, one per independent master: {@code redis://host:port},
         * {@code rediss://user:password@host:port}. The engine creates and owns a Redisson client per node.
         *
         * @param uris the node URIs; not empty
         * @return this builder
         */
        public Builder nodes(List<String> uris) {
            return this;
        }

        /**
         * The nodes as existing Redisson clients, one per independent deployment (single, sentinel or cluster).
         * The engine does not shut them down.
         *
         * @param clients the clients; not empty
         * @return this builder
         */
        public Builder clients(List<RedissonClient> clients) {
            return this;
        }

        /**
         * The password for nodes given as URIs without one.
         *
         * @param password the password, or {@code null} for none
         * @return this builder
         */
        public Builder password(@Nullable String password) {
            return this;
        }

        /**
         * The clock-drift factor; the drift margin of a grant is {@code ttl * driftFactor + 2 ms}.
         *
         * @param driftFactor in [0, 0.1]; default {@value Redlock#DEFAULT_DRIFT_FACTOR}
         * @return this builder
         */
        public Builder driftFactor(double driftFactor) {
            return this;
        }

        /**
         * How many times to retry a failed attempt; -1 for until the wait deadline.
         *
         * @param retryCount at least -1; default -1
         * @return this builder
         */
        public Builder retryCount(int retryCount) {
            return this;
        }

        /**
         * The pause between attempts (waiters are also woken at once when the holder releases).
         *
         * @param retryDelay not negative; default 200 ms
         * @return this builder
         */
        public Builder retryDelay(Duration retryDelay) {
            return this;
        }

        /**
         * The maximum random time added to each pause.
         *
         * @param retryJitter not negative; default 100 ms
         * @return this builder
         */
        public Builder retryJitter(Duration retryJitter) {
            return this;
        }

        /**
         * The remaining validity below which the watchdog extends a held lock.
         *
         * @param threshold positive; default 500 ms
         * @return this builder
         */
        public Builder automaticExtensionThreshold(Duration threshold) {
            return this;
        }

        /**
         * How long a node has to answer one command before it counts as a vote against.
         *
         * @param timeout positive; default 1 s
         * @return this builder
         */
        public Builder commandTimeout(Duration timeout) {
            return this;
        }

        /**
         * Whether waiters are granted in arrival order (a fair queue per resource) instead of by retry race.
         *
         * @param fifo default {@code false}
         * @return this builder
         */
        public Builder fifo(boolean fifo) {
            return this;
        }

        /**
         * Whether a thread running {@link Redlock#using} is interrupted when its lock is lost.
         *
         * @param interrupt default {@code false}
         * @return this builder
         */
        public Builder interruptOnLoss(boolean interrupt) {
            return this;
        }

        /**
         * The listener told of every lock event.
         *
         * @param listener the listener, or {@code null} for none
         * @return this builder
         */
        public Builder listener(@Nullable RedlockListener listener) {
            return this;
        }

        /**
         * Builds and starts the engine: connects to the nodes and loads the scripts.
         *
         * @return the engine
         * @throws IllegalArgumentException if a setting is invalid, naming it and its value
         * @throws IllegalStateException    if no nodes were given
         */
        public Redlock build() {
            throw new UnsupportedOperationException("not yet");
        }
    }
}
