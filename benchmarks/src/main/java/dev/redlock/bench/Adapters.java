package dev.redlock.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.redisson.Redisson;
import org.redisson.RedissonMultiLock;
import org.redisson.RedissonRedLock;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import dev.redlock.bench.cdi.CdiBench;
import dev.redlock.core.Lock;
import dev.redlock.core.Redlock;

/** The {@link LockClient} of every Java implementation: this project's engine and Redisson's locks. */
final class Adapters {

    /** An acquisition wait that counts as none (the engine's asynchronous API takes an explicit wait). */
    private static final Duration FOREVER = Duration.ofDays(24);
    /** Owner ids of Redisson's asynchronous locks (W2a), one per acquisition. */
    private static final java.util.concurrent.atomic.AtomicLong OWNERS = new java.util.concurrent.atomic.AtomicLong(
            1L << 40);

    private Adapters() {
    }

    /** The owner ids of Redisson's asynchronous locks (W2a) by lock instance (one instance per acquisition). */
    private static final java.util.Map<RLock, Long> OWNER_OF = java.util.Collections.synchronizedMap(
            new java.util.IdentityHashMap<>());

    /** This project's engine over {@code uris}; {@code fifo} selects its fair-queue mode. */
    static LockClient<Lock> engine(List<String> uris, boolean fifo) {
        Redlock redlock = Redlock.builder().nodes(uris).fifo(fifo).build();
        return new LockClient<>() {
            @Override
            public Lock acquire(String resource, Duration ttl) {
                return redlock.acquire(List.of(resource), ttl);
            }

            @Override
            public void release(Lock handle) {
                handle.release();
            }

            @Override
            public CompletionStage<Lock> acquireAsync(String resource, Duration ttl) {
                return redlock.acquireAsync(List.of(resource), ttl, FOREVER);
            }

            @Override
            public CompletionStage<?> releaseAsync(Lock handle) {
                return handle.releaseAsync();
            }

            @Override
            public void close() {
                redlock.close();
            }
        };
    }

    /**
     * This project's engine through its callback API, {@code Redlock.using(keys, leaseTime, null, fn)}: the same path the
     * CDI meta bean takes underneath (automatic extension armed), without CDI. W6's reference.
     */
    static LockClient<Void> engineUsing(List<String> uris) {
        Redlock redlock = Redlock.builder().nodes(uris).build();
        return new CallbackClient() {
            @Override
            public void locked(String resource, Duration ttl, Runnable body) {
                redlock.using(List.of(resource), ttl, null, lock -> {
                    body.run();
                    return null;
                });
            }

            @Override
            public void close() {
                redlock.close();
            }
        };
    }

    /** An injected {@code @Meta} bean in a Weld SE container of its own: {@code redlock.lock(resource, fn)}. W6. */
    static LockClient<Void> cdi(List<String> uris, Duration ttl) {
        CdiBench bench = new CdiBench(uris, ttl);
        return new CallbackClient() {
            @Override
            public void locked(String resource, Duration ttl, Runnable body) {
                bench.locked(resource, body);
            }

            @Override
            public void close() {
                bench.close();
            }
        };
    }

    /** A client with only a callback API: the workloads call {@link #locked}. */
    private abstract static class CallbackClient implements LockClient<Void> {

        @Override
        public Void acquire(String resource, Duration ttl) {
            throw new UnsupportedOperationException("callback API only: use locked(..)");
        }

        @Override
        public void release(Void handle) {
            throw new UnsupportedOperationException("callback API only: use locked(..)");
        }
    }

    /**
     * Redisson {@code RLock} ({@code fair = false}) or {@code RFairLock} on one node: {@code lock(leaseTime)} and
     * {@code unlock()}, which must run on the acquiring thread. A fixed lease disables Redisson's watchdog, as the
     * TTL does for the other implementations.
     */
    static LockClient<RLock> redissonLock(String uri, boolean fair, boolean small) {
        RedissonClient client = redisson(uri, small);
        return rlocks(List.of(client), resource -> fair ? client.getFairLock(resource) : client.getLock(resource));
    }

    /**
     * {@code RedissonRedLock} ({@code quorum = true}: granted by a majority) or {@code RedissonMultiLock} (every
     * node) over one Redisson client per independent node.
     */
    @SuppressWarnings("deprecation") // RedissonRedLock is the reference being measured
    static LockClient<RLock> redissonMulti(List<String> uris, boolean quorum) {
        List<RedissonClient> clients = new ArrayList<>();
        for (String uri : uris) {
            clients.add(redisson(uri, false));
        }
        return rlocks(clients, resource -> {
            RLock[] locks = clients.stream().map(c -> c.getLock(resource)).toArray(RLock[]::new);
            return quorum ? new RedissonRedLock(locks) : new RedissonMultiLock(locks);
        });
    }

    /** Locks from {@code lockFor}, taken with a fixed lease; closing shuts {@code clients} down. */
    private static LockClient<RLock> rlocks(List<RedissonClient> clients, Function<String, RLock> lockFor) {
        return new LockClient<>() {
            @Override
            public RLock acquire(String resource, Duration ttl) {
                RLock lock = lockFor.apply(resource);
                lock.lock(ttl.toMillis(), TimeUnit.MILLISECONDS);
                return lock;
            }

            @Override
            public void release(RLock handle) {
                handle.unlock();
            }

            @Override
            public CompletionStage<RLock> acquireAsync(String resource, Duration ttl) {
                // Redisson ties a lock to an owner id; without a thread, each acquisition takes its own
                RLock lock = lockFor.apply(resource);
                long owner = OWNERS.incrementAndGet();
                OWNER_OF.put(lock, owner);
                return lock.lockAsync(ttl.toMillis(), TimeUnit.MILLISECONDS, owner).thenApply(v -> lock);
            }

            @Override
            public CompletionStage<?> releaseAsync(RLock handle) {
                return handle.unlockAsync(OWNER_OF.remove(handle));
            }

            @Override
            public void close() {
                clients.forEach(RedissonClient::shutdown);
            }
        };
    }

    /**
     * A Redisson client for one node. {@code small}: the per-worker clients of W4 keep fewer idle connections (the
     * pool size does not limit one worker, which has one request in flight).
     */
    private static RedissonClient redisson(String uri, boolean small) {
        Config config = new Config();
        var server = config.useSingleServer().setAddress(uri);
        if (small) {
            server.setConnectionMinimumIdleSize(2).setConnectionPoolSize(4).setSubscriptionConnectionMinimumIdleSize(1)
                    .setSubscriptionConnectionPoolSize(4);
        }
        return Redisson.create(config);
    }
}
