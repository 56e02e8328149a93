package dev.redlock.core.internal;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import io.netty.util.Timeout;

import dev.redlock.api.HeldLock;
import dev.redlock.api.LockAcquisitionException;
import dev.redlock.api.LockSession;
import dev.redlock.api.LockState;
import dev.redlock.api.LockedFunction;
import dev.redlock.api.NodeVote;
import dev.redlock.api.RedlockException;
import dev.redlock.core.Lock;
import dev.redlock.core.LockEvent;
import dev.redlock.core.RedlockListener;
import dev.redlock.core.nodes.NodeUri;

/**
 * The engine behind {@link dev.redlock.core.Redlock}: nodes, quorum, retries, watchdog, wake-up, fencing.
 *
 * <h2>Why the fencing token strictly increases</h2>
 *
 * Each node keeps a counter per key. A grant stores on every granting node {@code v = max(counter + 1, TIME)}
 * (TIME in microseconds on that node) and returns it; the grant's token {@code T} is the largest {@code v} of the
 * granting nodes; a release (and every extension) writes the floor {@code counter = max(counter, T)} on every node
 * it reaches, in the same script as the compare-and-delete. Take a later grant {@code T'} with granting quorum
 * {@code Q2}, and the earlier grant's quorum {@code Q1}. Two quorums intersect, so some node {@code n} is in both;
 * {@code n} held the earlier lock's key and granted the later one, so the key vanished from {@code n} in between,
 * in one of three ways. (1) Released: the release script wrote {@code counter >= T} atomically with the delete, so
 * {@code n} answers {@code v' >= T + 1}. (2) Expired: at least one lease time passed on {@code n}'s clock since it stored
 * the key, so its TIME is above {@code T} unless node clocks differ by more than a lease time (or the counter, which
 * follows the fastest clock, expired: it is kept for max(lease time, 60 s) after each write). (3) {@code n} restarted
 * empty: it does not vote for {@code maxLeaseTime} after the restart is detected (epoch marker below), so again its TIME
 * is above {@code T}. In every case {@code T' >= v'_n > T}.
 *
 * <h2>Restarted nodes</h2>
 *
 * Every node holds an epoch marker {@value KeyNames#EPOCH} = {@code id:untilMillis}, created at the engine's first
 * contact. The acquire script checks it: if it vanished (restart without persistence, or a flush) while this engine
 * knew it, the script re-creates it with {@code until = now + maxLeaseTime} and refuses to vote; every engine then sees
 * the node as not voting until that time (node clock). This catches a flush too, which a {@code run_id} check does
 * not, and costs no extra round trip. On Redis Cluster deployments the check is skipped (the marker cannot share a
 * slot with every key): use persistence there.
 */
public final class Engine implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("dev.redlock.core");
    static final long FENCE_RETENTION_MIN_MILLIS = 60_000;
    private static final long DRIFT_FIXED_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final Settings settings;
    private final Node[] nodes;
    private final List<Node> nodeList;
    private final int quorum;
    private volatile @Nullable RandomGenerator jitterRandom;
    private volatile @Nullable LongConsumer retryPauses;
    private final ScheduledThreadPoolExecutor scheduler;
    /** The shared event loop of the nodes given as URIs; {@code null} when all nodes are handed-over clients. */
    private final @Nullable Transport transport;
    private final Subscriptions subscriptions;
    /** The builder's listener first, then those added later; copy-on-write: events far outnumber changes. */
    private final List<RedlockListener> listeners = new CopyOnWriteArrayList<>();
    private final String epochProposal = Tokens.next().substring(0, 16);
    private final Set<LockImpl> held = ConcurrentHashMap.newKeySet();
    /** Releases that returned at quorum while a node had not answered yet: {@link #close} waits for them too. */
    private final Set<CompletableFuture<Void>> settling = ConcurrentHashMap.newKeySet();
    private final Set<Acquisition> waiting = ConcurrentHashMap.newKeySet();
    private final AtomicLong maxGrantedLeaseTimeMillis = new AtomicLong();
    private final AtomicInteger fifoSequence = new AtomicInteger();
    private final List<String> nodeNames;
    private volatile boolean closed;

    /**
     * Creates the engine and its clients (lazily connecting, so a minority of nodes may be down).
     *
     * @param settings checked settings
     */
    public Engine(Settings settings) {
        this.settings = settings;
        if (settings.listener() != null) {
            listeners.add(settings.listener());
        }
        long timeout = settings.commandTimeout().toMillis();
        List<Node> list = new ArrayList<>();
        List<NodeUri> uris = parseDistinct(settings.uris());
        List<RedissonClient> clients = settings.clients();
        for (int i = 0; i < clients.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (clients.get(i) == clients.get(j)) {
                    throw new IllegalArgumentException("clients[" + i + "] repeats clients[" + j + "]: give each"
                            + " independent Redis master once, or it would vote twice");
                }
            }
        }
        this.transport = uris.isEmpty() ? null : Transport.acquire();
        try {
            for (NodeUri u : uris) {
                list.add(new Node(list.size(), u.name(), new ConnectionLink(transport, u, settings), timeout));
            }
            for (RedissonClient c : clients) {
                list.add(new Node(list.size(), nameOf(c), new ClientLink(c), timeout));
            }
            verify(list, settings);
        } catch (RuntimeException e) {
            for (Node n : list) {
                n.link.close(timeout);
            }
            if (transport != null) {
                transport.release();
            }
            throw e;
        }
        this.nodes = list.toArray(new Node[0]);
        this.nodeList = List.of(nodes);
        this.quorum = nodes.length / 2 + 1;
        List<String> names = new ArrayList<>();
        for (Node n : nodes) {
            names.add(n.name);
        }
        this.nodeNames = List.copyOf(names);
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "redlock-scheduler");
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        this.subscriptions = new Subscriptions(nodes, timeout, scheduler);
    }

    /**
     * Contacts every node once, in parallel, by loading the scripts (which the first grant and release need anyway),
     * within the command timeout. A node that refuses the credentials ({@code WRONGPASS}, {@code NOAUTH},
     * {@code NOPERM}) or the TLS handshake fails start-up: that is configuration, and would fail every call. A node
     * that cannot be reached only gets a warning: a minority of nodes may be down when the application starts, and
     * the engine reconnects when they come back.
     */
    private static void verify(List<Node> nodes, Settings settings) {
        List<CompletableFuture<?>> loads = new ArrayList<>();
        for (Node n : nodes) {
            CompletableFuture<?> f;
            try {
                // every script, pipelined on one connection: the first release then finds its script loaded
                List<CompletableFuture<String>> all = new ArrayList<>();
                for (Node.Script script : Node.Script.values()) {
                    all.add(n.link.scriptLoad(script.source));
                }
                f = CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]));
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            loads.add(Timeouts.bound(f, settings.commandTimeout().toMillis() + 500));
        }
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Throwable failure = loads.get(i).handle((v, e) -> e).join();
            if (failure == null) {
                continue;
            }
            String reason = masked(NodeErrors.describe(failure), settings);
            if (NodeErrors.isRefusal(failure)) {
                refused.add(nodes.get(i).name + ": " + reason);
            } else {
                LOG.log(System.Logger.Level.WARNING, "redlock: node {0} did not answer at start-up ({1}); a minority"
                        + " of nodes may be down, the engine reconnects when it is back", nodes.get(i).name, reason);
            }
        }
        if (!refused.isEmpty()) {
            throw Exceptions.nodesRefused(refused);
        }
    }

    /** {@code text} with every configured password replaced by {@code ***}, in case a client echoed one. */
    private static String masked(String text, Settings settings) {
        String out = text;
        List<String> secrets = new ArrayList<>();
        if (settings.password() != null) {
            secrets.add(settings.password());
        }
        for (int i = 0; i < settings.uris().size(); i++) {
            String p = parseUri(settings.uris().get(i), i).password();
            if (p != null) {
                secrets.add(p);
            }
        }
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                out = out.replace(secret, "***");
            }
        }
        return out;
    }

    private static String nameOf(RedissonClient c) {
        Config cfg = c.getConfig();
        try {
            if (!cfg.isClusterConfig() && !cfg.isSentinelConfig()) {
                return NodeUri.hostPort(cfg.useSingleServer().getAddress());
            }
        } catch (RuntimeException e) {
            // fall through to the generic name
        }
        return (cfg.isClusterConfig() ? "cluster@" : "redisson@") + Integer.toHexString(System.identityHashCode(c));
    }

    // ---------------------------------------------------------------------------------------------- acquire

    /**
     * Starts an acquisition.
     *
     * @param where the API method, for messages
     * @param wait  how long to retry; {@code null} for as configured
     */
    public CompletableFuture<LockImpl> acquireAsync(String where, List<String> userKeys, Duration leaseTime,
            @Nullable Duration wait) {
        return start(where, userKeys, leaseTime, wait).result;
    }

    private Acquisition start(String where, List<String> userKeys, Duration leaseTime, @Nullable Duration wait) {
        List<String> keys = checkKeys(userKeys);
        long leaseTimeMillis = checkLeaseTime(leaseTime);
        if (wait != null && wait.isNegative()) {
            throw new IllegalArgumentException("wait must not be negative, was " + wait);
        }
        if (closed) {
            throw Exceptions.closed(where);
        }
        maxGrantedLeaseTimeMillis.accumulateAndGet(leaseTimeMillis, Math::max);
        Acquisition a = new Acquisition(this, where, keys, leaseTimeMillis, wait);
        a.start();
        return a;
    }

    /** Synchronous acquisition: waits for the asynchronous one, abandoning it on interrupt. */
    public LockImpl acquire(String where, List<String> keys, Duration leaseTime, @Nullable Duration wait) {
        Transport.checkNotIoThread(where);
        Acquisition a = start(where, keys, leaseTime, wait);
        try {
            return a.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw a.interrupted(e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    /** {@code tryAcquire}: empty when the last attempt found the resource held by another owner. */
    public Optional<Lock> tryAcquire(List<String> keys, Duration leaseTime, Duration wait) {
        Objects.requireNonNull(wait, "wait");
        try {
            return Optional.of(acquire("Redlock#tryAcquire", keys, leaseTime, wait));
        } catch (LockAcquisitionException e) {
            if (e.reason() == LockAcquisitionException.Reason.HELD && !(e.getCause() instanceof InterruptedException)
                    && !Thread.currentThread().isInterrupted()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static RuntimeException rethrow(Throwable t) {
        Throwable c = Node.unwrap(t);
        if (c instanceof RuntimeException r) {
            return r;
        }
        if (c instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(c);
    }

    long nextFifoScore() {
        return System.currentTimeMillis() * 1000 + (fifoSequence.getAndIncrement() & 0x3ff) % 1000;
    }

    long quarantineMillis() {
        return Math.max(settings.maxLeaseTime().toMillis(), maxGrantedLeaseTimeMillis.get());
    }

    long driftNanos(long leaseTimeMillis) {
        return (long) (TimeUnit.MILLISECONDS.toNanos(leaseTimeMillis) * settings.driftFactor()) + DRIFT_FIXED_NANOS;
    }

    static long fenceRetention(long leaseTimeMillis) {
        return Math.max(leaseTimeMillis, FENCE_RETENTION_MIN_MILLIS);
    }

    // ------------------------------------------------------------------------------------------------ using

    /** Runs {@code fn} under an automatically extended lock; see {@code Redlock#using}. */
    public <T, E extends Exception> T using(List<String> keys, Duration leaseTime, @Nullable Duration wait,
            LockedFunction<T, E> fn) throws E {
        Objects.requireNonNull(fn, "fn");
        LockImpl lock = acquire("Redlock#using", keys, leaseTime, wait);
        lock.startAutoExtension(Thread.currentThread());
        T result = null;
        Throwable failure = null;
        try {
            result = fn.apply(lock);
        } catch (Throwable t) {
            failure = t;
        }
        if (lock.stopAutoExtension()) {
            Thread.interrupted(); // our own interrupt, delivered on loss: do not leak it to the caller
        }
        // the function may have outrun the validity while the watchdog was stalled (a process pause, a starved
        // scheduler thread): the caller must hear of it even if no timer fired
        lock.lostIfExpired();
        failure = finish(lock, failure);
        if (failure != null) {
            throw Engine.<E>sneaky(failure);
        }
        return result;
    }

    /** Releases after {@code using}, folding release and loss failures into {@code failure}. */
    private static @Nullable Throwable finish(LockImpl lock, @Nullable Throwable failure) {
        Throwable f = failure;
        if (!lock.isLost()) {
            try {
                lock.release();
            } catch (RedlockException e) {
                f = combine(f, e);
            }
        }
        return withLoss(lock, f);
    }

    /** The first failure wins; a later one is attached to it as suppressed. */
    private static @Nullable Throwable combine(@Nullable Throwable first, @Nullable Throwable later) {
        if (first == null) {
            return later;
        }
        if (later != null && later != first) {
            first.addSuppressed(later);
        }
        return first;
    }

    /** Adds the loss of {@code lock}, if lost, to {@code failure}. */
    private static @Nullable Throwable withLoss(LockImpl lock, @Nullable Throwable failure) {
        return lock.isLost() ? combine(failure, lock.lostException()) : failure;
    }

    @SuppressWarnings("unchecked")
    private static <E extends Exception> E sneaky(Throwable t) throws E {
        throw (E) t;
    }

    /** Asynchronous {@link #using}. */
    public <T> CompletionStage<T> usingAsync(List<String> keys, Duration leaseTime, @Nullable Duration wait,
            Function<LockSession, ? extends CompletionStage<T>> fn) {
        Objects.requireNonNull(fn, "fn");
        return acquireAsync("Redlock#usingAsync", keys, leaseTime, wait).thenComposeAsync(lock -> {
            lock.startAutoExtension(null);
            CompletionStage<T> stage;
            try {
                stage = Objects.requireNonNull(fn.apply(lock), "fn returned null");
            } catch (Throwable t) {
                stage = CompletableFuture.failedFuture(t);
            }
            CompletableFuture<T> out = new CompletableFuture<>();
            stage.whenComplete((r, e) -> {
                lock.stopAutoExtension();
                Throwable fnFailure = e == null ? null : Node.unwrap(e);
                CompletionStage<Void> release = lock.isLost()
                        ? CompletableFuture.completedFuture(null)
                        : lock.releaseAsync();
                release.whenComplete((v, re) -> {
                    Throwable f = withLoss(lock, combine(fnFailure, re == null ? null : Node.unwrap(re)));
                    Throwable failure = f;
                    executor().execute(() -> {
                        if (failure != null) {
                            out.completeExceptionally(failure);
                        } else {
                            out.complete(r);
                        }
                    });
                });
            });
            return out;
        }, executor());
    }

    // ------------------------------------------------------------------------------------------------ views

    /** The owner, TTL, fence and queue length of {@code key} on every node; null entries for failed nodes. */
    private List<@Nullable List<Object>> peek(String key) {
        List<Object> keys = List.of(key, KeyNames.fence(key), KeyNames.queue(key));
        @SuppressWarnings("unchecked")
        CompletableFuture<List<Object>>[] fs = new CompletableFuture[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            fs[i] = nodes[i].<List<Object>>eval(Node.Script.PEEK, keys);
        }
        List<@Nullable List<Object>> out = new ArrayList<>();
        for (CompletableFuture<List<Object>> f : fs) {
            try {
                out.add(f.get(settings.commandTimeout().toMillis() * 2, TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.add(null);
            } catch (ExecutionException | TimeoutException e) {
                out.add(null);
            }
        }
        return out;
    }

    /** The state of {@code key} as a quorum sees it, or {@code null} when no owner holds a quorum. */
    private @Nullable HeldLock quorumView(String key) {
        return view(key, false);
    }

    /**
     * What the nodes hold for {@code key}: the owner a quorum holds it for, else (with {@code minority}) the owner
     * most nodes hold it for, marked {@link LockState#HELD_ON_MINORITY}; {@code null} when free (or only minority
     * held, without {@code minority}).
     */
    private @Nullable HeldLock view(String key, boolean minority) {
        List<@Nullable List<Object>> views = peek(key);
        TreeMap<String, List<long[]>> byOwner = new TreeMap<>();
        long queue = 0;
        for (List<Object> v : views) {
            if (v == null) {
                continue;
            }
            String owner = String.valueOf(v.get(0));
            long pttl = ((Number) v.get(1)).longValue();
            queue = Math.max(queue, ((Number) v.get(3)).longValue());
            if (Tokens.isToken(owner) && pttl > 0) {
                byOwner.computeIfAbsent(owner, o -> new ArrayList<>())
                        .add(new long[]{pttl, ((Number) v.get(2)).longValue()});
            }
        }
        Map.Entry<String, List<long[]>> most = null;
        for (var e : byOwner.entrySet()) {
            if (most == null || e.getValue().size() > most.getValue().size()) {
                most = e;
            }
        }
        if (most == null || most.getValue().size() < quorum && !minority) {
            return null;
        }
        List<long[]> holders = most.getValue();
        holders.sort((a, b) -> Long.compare(b[0], a[0]));
        boolean held = holders.size() >= quorum;
        // held: the quorum-th largest TTL (when the lock ends for the quorum); on a minority: the largest, how long
        // the remains may stand in the way
        long ttl = holders.get(held ? quorum - 1 : 0)[0];
        long fence = 0;
        for (long[] h : holders) {
            fence = Math.max(fence, h[1]);
        }
        int waiters = (int) Math.max(queue, localWaiters(key));
        return new HeldLock(key, most.getKey().substring(0, 8), Duration.ofMillis(ttl), fence, waiters,
                held ? LockState.HELD : LockState.HELD_ON_MINORITY);
    }

    private long localWaiters(String key) {
        long n = 0;
        for (Acquisition a : waiting) {
            if (a.keys.contains(key)) {
                n++;
            }
        }
        return n;
    }

    /** Whether a quorum holds {@code key} for one owner. */
    public boolean isLocked(String key) {
        return quorumView(prefixed(key)) != null;
    }

    /** Whether {@code key} is held by a quorum, by some nodes only, or by none, from one read of every node. */
    public LockState lockState(String key) {
        HeldLock h = view(prefixed(key), true);
        return h == null ? LockState.FREE : h.state();
    }

    /** The quorum-th largest TTL of {@code key} among the nodes holding it for the same owner. */
    public Duration remainingTtl(String key) {
        HeldLock h = quorumView(prefixed(key));
        return h == null ? Duration.ZERO : h.remainingTtl();
    }

    /** The held locks matching {@code pattern}, sorted by key. */
    public List<HeldLock> inspect(String pattern) {
        Args.text(pattern, "pattern", Args.MAX_PREFIX_LENGTH + Args.MAX_KEY_LENGTH);
        Set<String> names = new LinkedHashSet<>();
        for (Node n : nodes) {
            try {
                n.link.keys(pattern).stream().filter(k -> !KeyNames.isAuxiliary(k)).forEach(names::add);
            } catch (RuntimeException e) {
                // an unreachable node contributes no names
            }
        }
        List<HeldLock> out = new ArrayList<>();
        for (String name : new java.util.TreeSet<>(names)) {
            HeldLock h = view(name, true);
            if (h != null) {
                out.add(h);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ misc

    String prefixed(String key) {
        Args.text(key, "key", Args.MAX_KEY_LENGTH);
        if (key.isBlank()) {
            throw new IllegalArgumentException("key must not be blank, was '" + key + "'");
        }
        return settings.keyPrefix().isEmpty() ? key : settings.keyPrefix() + key;
    }

    private List<String> checkKeys(List<String> keys) {
        Objects.requireNonNull(keys, "keys");
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("keys must not be empty, was []");
        }
        List<String> out = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            String k = Args.text(keys.get(i), "keys[" + i + "]", Args.MAX_KEY_LENGTH);
            if (k.isBlank()) {
                throw new IllegalArgumentException("keys[" + i + "] must not be blank, was '" + k + "'");
            }
            String full = settings.keyPrefix().isEmpty() ? k : settings.keyPrefix() + k;
            if (out.contains(full)) {
                throw new IllegalArgumentException("keys must not repeat a key, was " + keys);
            }
            out.add(full);
        }
        return Collections.unmodifiableList(out);
    }

    static long checkLeaseTime(Duration leaseTime) {
        return Args.positiveMillis(leaseTime, "leaseTime");
    }

    /**
     * Adds a listener told of every event from now on.
     *
     * @param l the listener
     */
    public void addListener(RedlockListener l) {
        listeners.add(Objects.requireNonNull(l, "listener"));
    }

    /**
     * Removes a listener added before; events already being delivered may still reach it.
     *
     * @param l the listener
     * @return whether it was there
     */
    public boolean removeListener(RedlockListener l) {
        return listeners.remove(l);
    }

    /** Whether any listener would hear an event: lets callers skip building one. */
    boolean listened() {
        return !listeners.isEmpty();
    }

    void fire(LockEvent.Type type, String lockId, List<String> keys, long token, List<NodeVote> votes,
            long validUntilNanos, long sinceNanos, @Nullable Throwable error) {
        if (listeners.isEmpty()) {
            return;
        }
        LockEvent event = new LockEvent(type, lockId, keys, token, votes, validUntilNanos,
                Duration.ofNanos(Math.max(0, System.nanoTime() - sinceNanos)), error);
        for (RedlockListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "RedlockListener threw; ignored", e);
            }
        }
    }

    /** Tells the listeners about each failed node of an operation. */
    void fireNodeErrors(String lockId, List<String> keys, long token, long validUntilNanos, long sinceNanos,
            Ballot ballot) {
        if (listeners.isEmpty()) {
            return;
        }
        ballot.forEachError((vote, error) -> fire(LockEvent.Type.NODE_ERROR, lockId, keys, token, List.of(vote),
                validUntilNanos, sinceNanos, error));
    }

    boolean isClosed() {
        return closed;
    }

    // ------------------------------------------------------------------ for Acquisition and LockImpl

    /** The checked settings. */
    Settings settings() {
        return settings;
    }

    /** The nodes, in node order ({@link Node#index}). */
    List<Node> nodes() {
        return nodeList;
    }

    /** The node with {@code index}. */
    Node node(int index) {
        return nodes[index];
    }

    /** A new tally of one operation on every node. */
    Ballot ballot() {
        return new Ballot(nodeNames, quorum);
    }

    /** The release subscriptions of this engine's waiters. */
    Subscriptions subscriptions() {
        return subscriptions;
    }

    /** The epoch id this engine proposes when it finds a node without an epoch marker. */
    String epochProposal() {
        return epochProposal;
    }

    /** {@code lock} was granted: it counts as held (and is released on close) until {@link #unregisterHeld}. */
    void registerHeld(LockImpl lock) {
        held.add(lock);
    }

    /** {@code lock} was released or lost. */
    void unregisterHeld(LockImpl lock) {
        held.remove(lock);
    }

    /**
     * A release returned at quorum; {@code settled} completes when every node has answered it once. Until then
     * {@link #close} waits for it (bounded), so that closing right after a release does not leave the key on the
     * slower nodes for a full lease.
     */
    void settleBeforeClose(CompletableFuture<Void> settled) {
        if (!settled.isDone()) {
            settling.add(settled);
            settled.whenComplete((v, e) -> settling.remove(settled));
        }
    }

    /** {@code a} waits for a key: it counts in {@link HeldLock#waiters()} and is abandoned on close. */
    void registerWaiting(Acquisition a) {
        waiting.add(a);
    }

    /** {@code a} stopped waiting. */
    void unregisterWaiting(Acquisition a) {
        waiting.remove(a);
    }

    /**
     * Runs {@code task} on the scheduler thread after {@code delayNanos}.
     *
     * @throws java.util.concurrent.RejectedExecutionException if the engine is closing
     */
    ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        return scheduler.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    /**
     * Runs {@code task} on the scheduler thread after {@code delayNanos}, up to one tick of the shared timer wheel
     * ({@value Timeouts#TICK_MILLIS} ms) late: for the timers of a held lock (its expiry, its next extension), which
     * are armed at every grant and nearly always cancelled before they fire. Armed on the scheduler, each would wake
     * its thread (a new earliest task signals it), twice per lock; the wheel only enqueues. Nothing is run once the
     * engine is closing.
     *
     * @return the handle that cancels the task
     */
    Timeout later(Runnable task, long delayNanos) {
        return Timeouts.WHEEL.newTimeout(t -> {
            try {
                scheduler.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // the engine is closing: its close releases or forgets every held lock
            }
        }, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    /** Runs {@code task} on the scheduler thread as soon as it is free. */
    void runOnScheduler(Runnable task) {
        scheduler.execute(task);
    }

    /** The nodes as {@code host:port}. */
    public List<String> nodeNames() {
        return nodeNames;
    }

    /**
     * Test hook, not API: draws the retry jitter from {@code random} instead of the per-thread generators, so a test
     * can fix the seed, and tells {@code pauses} the length of each retry pause (retry delay plus jitter) in
     * nanoseconds, so a test can check its bounds without measuring time. {@code null} restores the default.
     *
     * @param random the jitter's source, or {@code null}
     * @param pauses told each retry pause, or {@code null}
     */
    public void retryHooks(@Nullable RandomGenerator random, @Nullable LongConsumer pauses) {
        this.jitterRandom = random;
        this.retryPauses = pauses;
    }

    /** A random retry jitter in {@code [0, boundMillis]} milliseconds. */
    long jitterMillis(long boundMillis) {
        RandomGenerator r = jitterRandom;
        if (r == null || boundMillis <= 0) {
            return Tokens.jitter(boundMillis);
        }
        synchronized (r) {
            return r.nextLong(boundMillis + 1);
        }
    }

    /** An acquisition pauses {@code nanos} before its next attempt (retry delay plus jitter). */
    void retryPause(long nanos) {
        LongConsumer p = retryPauses;
        if (p != null) {
            p.accept(nanos);
        }
    }

    /**
     * Test hook, not API (this package is not exported): blocks the engine's scheduler thread, which runs the
     * watchdog, the expiry check and the retry timers, until {@code resume} completes, as a stop-the-world pause of
     * the client would. The fault-injection tests use it to pause a holder's watchdog past its lease time.
     *
     * @param resume completes when the pause ends
     * @return completes once the scheduler thread is blocked
     */
    public CompletableFuture<Void> stallScheduler(CompletableFuture<?> resume) {
        CompletableFuture<Void> stalled = new CompletableFuture<>();
        scheduler.execute(() -> {
            stalled.complete(null);
            try {
                resume.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the engine is closing
            } catch (ExecutionException e) {
                // a failed resume ends the pause too
            }
        });
        return stalled;
    }

    /** The executor for callers' continuations. */
    public java.util.concurrent.Executor executor() {
        return settings.executor();
    }

    /** Votes needed for a grant. */
    public int quorum() {
        return quorum;
    }

    /** How many locks this engine holds now. */
    public int heldCount() {
        return held.size();
    }

    /**
     * Pings every node in parallel, each bounded by the command timeout.
     *
     * @return each node's answer in node order: {@code GRANTED}, or {@code ERROR} with the masked error
     */
    public List<NodeVote> ping() {
        List<CompletableFuture<Object>> pings = new ArrayList<>(nodes.length);
        for (Node n : nodes) {
            pings.add(n.ping());
        }
        List<NodeVote> votes = new ArrayList<>(nodes.length);
        for (int i = 0; i < nodes.length; i++) {
            Throwable failure = pings.get(i).handle((v, e) -> e).join();
            votes.add(failure == null
                    ? new NodeVote(nodes[i].name, NodeVote.Outcome.GRANTED, null)
                    : new NodeVote(nodes[i].name, NodeVote.Outcome.ERROR,
                            masked(NodeErrors.describe(Node.unwrap(failure)), settings)));
        }
        return List.copyOf(votes);
    }

    /** How many acquisitions are waiting now (registered with {@link #registerWaiting}). */
    public int waitingCount() {
        return waiting.size();
    }

    /** How many key subscriptions are open now. */
    public int subscriptionCount() {
        return subscriptions.size();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Acquisition a : List.copyOf(waiting)) {
            a.abandon(null);
        }
        List<CompletableFuture<Void>> releases = new ArrayList<>();
        for (LockImpl l : List.copyOf(held)) {
            l.stopAutoExtension();
            // at close, wait for every node's answer (bounded below), not only the quorum's: the clients go next
            releases.add(l.releaseAsync().toCompletableFuture().exceptionally(e -> null)
                    .thenCompose(v -> l.releaseSettled()));
        }
        for (CompletableFuture<Void> s : List.copyOf(settling)) {
            releases.add(s.exceptionally(e -> null));
        }
        try {
            CompletableFuture.allOf(releases.toArray(new CompletableFuture<?>[0]))
                    .get(settings.commandTimeout().toMillis() * 2 + 100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // best effort: the keys expire with their TTL
        }
        subscriptions.closeAll();
        scheduler.shutdownNow();
        for (Node n : nodes) {
            try {
                n.link.close(settings.commandTimeout().toMillis());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing the connections of " + n.name, e);
            }
        }
        if (transport != null) {
            transport.release();
        }
    }

    /** Parses every URI before any client is created, and refuses a node given twice: it would vote twice. */
    private static List<NodeUri> parseDistinct(List<String> uris) {
        List<NodeUri> parsed = new ArrayList<>(uris.size());
        for (int i = 0; i < uris.size(); i++) {
            NodeUri u = parseUri(uris.get(i), i);
            for (int j = 0; j < i; j++) {
                if (parsed.get(j).name().equals(u.name())) {
                    throw new IllegalArgumentException("nodes[" + i + "] repeats nodes[" + j + "] (" + u.name()
                            + "): give each independent Redis master once, or it would vote twice");
                }
            }
            parsed.add(u);
        }
        return parsed;
    }

    /** Parses the URI of {@code nodes[index]}, with the builder's messages. */
    static NodeUri parseUri(String uri, int index) {
        String setting = "nodes[" + index + "]";
        Args.text(uri, setting, 2_048);
        String shown = NodeUri.mask(uri);
        try {
            return NodeUri.parse(uri);
        } catch (NodeUri.InvalidUri e) {
            throw new IllegalArgumentException(setting + switch (e.problem()) {
                case NOT_A_URI -> " must be a Redis URI such as redis://host:6379";
                case SCHEME -> " must be a Redis URI such as redis://host:6379 (scheme redis or rediss)";
                case HOST -> " must name a host, such as redis://host:6379";
                case PORT -> " must have a port from 1 to 65535";
                case DATABASE -> " must have a database number as its path";
            } + ", was '" + shown + "'");
        }
    }
}
