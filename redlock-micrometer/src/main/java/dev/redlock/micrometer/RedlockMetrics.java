package dev.redlock.micrometer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import dev.redlock.api.LockAcquisitionException;
import dev.redlock.api.NodeVote;
import dev.redlock.core.LockEvent;
import dev.redlock.core.Redlock;
import dev.redlock.core.RedlockListener;

/**
 * Micrometer meters for one {@link Redlock} engine, kept up to date by a {@link RedlockListener} that
 * {@link #bind(Redlock, MeterRegistry, String) bind} adds to the engine; {@link #close()} removes the listener and
 * the meters again. Every meter is tagged {@code client}; the node meters also {@code node} ({@code host:port}).
 * No meter is tagged with a key or a resource argument: their number has no bound. See {@code docs/operations.md}
 * for what each meter means and how to add the declared resource name as a tag.
 *
 * <pre>{@code
 * Redlock redlock = Redlock.builder().nodes(uris).build();
 * RedlockMetrics metrics = RedlockMetrics.bind(redlock, registry, "orders");
 * ...
 * metrics.close(); // before redlock.close()
 * }</pre>
 *
 * <p>In a CDI application with {@code redlock-cdi}, a {@code MeterRegistry} bean and this module on the class path,
 * every client's engine is bound already, with the lock meters per meta ({@code module}, {@code meta} tags).
 *
 * <p>The listener runs on engine threads: it only increments counters and records timers. Thread-safe.
 *
 * @since 0.2
 */
public final class RedlockMetrics implements AutoCloseable {

    /** Timer: the wait from the start of an acquisition to its grant or failure; tag {@code outcome}. */
    public static final String ACQUIRE_WAIT = "redlock.acquire.wait";
    /** Timer: how long a lock was held, from its grant to its release or loss; tag {@code end}. */
    public static final String HOLD = "redlock.hold";
    /** Counter: locks granted. */
    public static final String GRANTS = "redlock.grants";
    /** Counter: acquisitions that ended without a lock; tag {@code reason}. */
    public static final String FAILURES = "redlock.failures";
    /** Counter: leases extended by a quorum. */
    public static final String EXTENSIONS = "redlock.extensions";
    /** Counter: extensions that missed the quorum. */
    public static final String EXTENSION_FAILURES = "redlock.extension.failures";
    /** Counter: held locks lost before their release. */
    public static final String LOST = "redlock.lost";
    /** Counter: nodes that failed the release of a lock this engine no longer holds; tag {@code node}. */
    public static final String RELEASE_NODE_ERRORS = "redlock.release.node.errors";
    /** Gauge: locks the engine holds now. */
    public static final String LOCKS_HELD = "redlock.locks.held";
    /** Gauge: acquisitions waiting now. */
    public static final String WAITERS = "redlock.waiters";
    /** Counter: node votes; tags {@code node}, {@code operation}, {@code outcome}. */
    public static final String NODE_VOTES = "redlock.node.votes";

    private static final String[] OPERATIONS = {"acquire", "extend", "release"};
    private static final NodeVote.Outcome[] OUTCOMES = NodeVote.Outcome.values();

    private final Redlock redlock;
    private final MeterRegistry registry;
    private final Tags tags;
    private final @Nullable LockMeters lockMeters;
    private final Map<String, Integer> nodeIndex = new HashMap<>();
    private final List<String> nodes;
    /** Vote counters by [operation * outcomes + outcome][node], created on first use. */
    private final Counter[][] votes;
    private final Counter[] releaseNodeErrors;
    private final List<Meter> engineMeters = new ArrayList<>();
    /**
     * Per lock id, +1 for its {@link LockEvent.Type#ACQUIRED} and -1 for its release or loss, removed at 0: a lock
     * whose entry is 1 is held. The engine fires ACQUIRED once every node answered the grant, which may come after
     * a quick release; either order nets to 0, so the map holds only the locks held now (and, for a moment, those
     * released before their ACQUIRED).
     */
    private final Map<String, Integer> held = new ConcurrentHashMap<>();
    /**
     * The ids of recently lost locks, whose node errors (the last extension's, the clean-up's) are not release
     * failures. Losses are rare; the set is emptied when it reaches {@value #MAX_LOST}.
     */
    private final Set<String> lost = ConcurrentHashMap.newKeySet();
    private static final int MAX_LOST = 1024;
    /**
     * Per lock id, the nodes whose answer to the grant was an error, from its {@link LockEvent.Type#ACQUIRED}: the
     * engine fires the grant's {@link LockEvent.Type#NODE_ERROR}s right after it, on the same thread, and when the
     * lock was already released (a late ACQUIRED) those are the acquisition's errors, not failed releases. Each
     * entry goes with the node errors it announces; the map is emptied if it ever reaches {@value #MAX_LOST}.
     */
    private final Map<String, Set<String>> grantErrors = new ConcurrentHashMap<>();
    private final RedlockListener listener = this::onEvent;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RedlockMetrics(Redlock redlock, MeterRegistry registry, String client, boolean lockMeters,
            boolean histogram) {
        this.redlock = redlock;
        this.registry = registry;
        this.tags = Tags.of("client", client);
        this.lockMeters = lockMeters ? new LockMeters(registry, tags, histogram) : null;
        this.nodes = redlock.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            nodeIndex.put(nodes.get(i), i);
        }
        this.votes = new Counter[OPERATIONS.length * OUTCOMES.length][nodes.size()];
        this.releaseNodeErrors = new Counter[nodes.size()];
        engineMeters.add(Gauge.builder(LOCKS_HELD, redlock, Redlock::heldLocks).tags(tags)
                .description("Locks the engine holds now").register(registry));
        engineMeters.add(Gauge.builder(WAITERS, redlock, Redlock::waiters).tags(tags)
                .description("Acquisitions waiting now").register(registry));
        for (int i = 0; i < nodes.size(); i++) {
            releaseNodeErrors[i] = Counter.builder(RELEASE_NODE_ERRORS).tags(tags).tag("node", nodes.get(i))
                    .description("Nodes that failed the release of a lock (the key stays there until the lease ends)")
                    .register(registry);
            engineMeters.add(releaseNodeErrors[i]);
        }
        redlock.addListener(listener);
    }

    /**
     * Binds every meter to {@code redlock}, the wait and hold timers without a histogram.
     *
     * @param redlock  the engine
     * @param registry where the meters go
     * @param client   the value of the {@code client} tag, such as {@code "default"}; not blank
     * @return the binding; close it to remove the listener and the meters
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code client} is blank
     */
    public static RedlockMetrics bind(Redlock redlock, MeterRegistry registry, String client) {
        return bind(redlock, registry, client, false);
    }

    /**
     * Binds every meter to {@code redlock}.
     *
     * @param redlock   the engine
     * @param registry  where the meters go
     * @param client    the value of the {@code client} tag, such as {@code "default"}; not blank
     * @param histogram whether the wait and hold timers publish a percentile histogram (buckets a backend such as
     *                  Prometheus can compute quantiles from); off by default, as it multiplies their series
     * @return the binding; close it to remove the listener and the meters
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code client} is blank
     */
    public static RedlockMetrics bind(Redlock redlock, MeterRegistry registry, String client, boolean histogram) {
        return new RedlockMetrics(Objects.requireNonNull(redlock, "redlock"),
                Objects.requireNonNull(registry, "registry"), checkedClient(client), true, histogram);
    }

    /** The engine meters only (gauges, node votes, release node errors): CDI records the lock meters per meta. */
    static RedlockMetrics bindEngine(Redlock redlock, MeterRegistry registry, String client) {
        return new RedlockMetrics(redlock, registry, checkedClient(client), false, false);
    }

    private static String checkedClient(String client) {
        Objects.requireNonNull(client, "client");
        if (client.isBlank()) {
            throw new IllegalArgumentException("RL2601: RedlockMetrics.bind: client must not be blank, was '" + client
                    + "'; name the engine as its configuration does, such as \"default\"");
        }
        return client;
    }

    private void rememberGrantErrors(LockEvent acquired) {
        Set<String> failed = null;
        for (NodeVote v : acquired.votes()) {
            if (v.outcome() == NodeVote.Outcome.ERROR) {
                if (failed == null) {
                    failed = ConcurrentHashMap.newKeySet();
                }
                failed.add(v.node());
            }
        }
        if (failed != null) {
            if (grantErrors.size() >= MAX_LOST) {
                grantErrors.clear();
            }
            grantErrors.put(acquired.lockId(), failed);
        }
    }

    /** Whether a node error event of lock {@code id} is one its ACQUIRED announced (and forgets it). */
    private boolean isGrantError(String id, List<NodeVote> votes) {
        Set<String> failed = grantErrors.get(id);
        if (failed == null || votes.isEmpty() || !failed.remove(votes.get(0).node())) {
            return false;
        }
        if (failed.isEmpty()) {
            grantErrors.remove(id, failed);
        }
        return true;
    }

    private void onEvent(LockEvent event) {
        LockEvent.Type type = event.type();
        switch (type) {
            case ACQUIRED -> {
                held.merge(event.lockId(), 1, RedlockMetrics::sumOrRemove);
                rememberGrantErrors(event);
            }
            case RELEASED -> held.merge(event.lockId(), -1, RedlockMetrics::sumOrRemove);
            case LOST -> {
                held.merge(event.lockId(), -1, RedlockMetrics::sumOrRemove);
                if (lost.size() >= MAX_LOST) {
                    lost.clear();
                }
                lost.add(event.lockId());
            }
            case NODE_ERROR -> {
                // a node error of a granted lock that is no longer held, and was not lost: its release failed there
                String id = event.lockId();
                boolean ofTheGrant = isGrantError(id, event.votes());
                if (!ofTheGrant && event.fencingToken() != 0 && held.getOrDefault(id, 0) <= 0 && !lost.contains(id)) {
                    for (NodeVote v : event.votes()) {
                        Integer i = nodeIndex.get(v.node());
                        if (i != null) {
                            releaseNodeErrors[i].increment();
                        }
                    }
                }
                return;
            }
            default -> {
                // counted below
            }
        }
        countVotes(type, event.votes());
        LockMeters m = lockMeters;
        if (m != null) {
            record(m, type, event);
        }
    }

    private static @Nullable Integer sumOrRemove(Integer a, Integer b) {
        int sum = a + b;
        return sum == 0 ? null : sum;
    }

    /** Records {@code event} in {@code m}: shared by the standalone binding and the per-meta meters of CDI. */
    static void record(LockMeters m, LockEvent.Type type, LockEvent event) {
        switch (type) {
            case ACQUIRED -> m.acquired(event.elapsed());
            case ACQUISITION_FAILED -> m.acquisitionFailed(event.elapsed(), reason(event.error()));
            case EXTENDED -> m.extended();
            case EXTENSION_FAILED -> m.extensionFailed();
            case RELEASED -> m.released(event.elapsed());
            case LOST -> m.lost(event.elapsed());
            default -> {
                // NODE_ERROR: counted by the engine meters
            }
        }
    }

    /** The {@code reason} tag of a failed acquisition: the exception's reason, else {@code other}. */
    static String reason(@Nullable Throwable error) {
        return error instanceof LockAcquisitionException e ? e.reason().name() : "OTHER";
    }

    private void countVotes(LockEvent.Type type, List<NodeVote> vs) {
        int op = switch (type) {
            case ACQUIRED, ACQUISITION_FAILED -> 0;
            case EXTENDED, EXTENSION_FAILED -> 1;
            case RELEASED -> 2;
            default -> -1; // LOST repeats the last extension's votes
        };
        if (op < 0) {
            return;
        }
        for (NodeVote v : vs) {
            Integer node = nodeIndex.get(v.node());
            if (node != null) {
                voteCounter(op * OUTCOMES.length + v.outcome().ordinal(), node).increment();
            }
        }
    }

    private Counter voteCounter(int row, int node) {
        Counter c = votes[row][node];
        if (c == null) {
            // a benign race: the registry returns the same counter to both threads
            c = Counter.builder(NODE_VOTES).tags(tags).tag("node", nodes.get(node))
                    .tag("operation", OPERATIONS[row / OUTCOMES.length])
                    .tag("outcome", OUTCOMES[row % OUTCOMES.length].name().toLowerCase(Locale.ROOT))
                    .description("How each node answered the deciding attempt of an operation").register(registry);
            synchronized (engineMeters) {
                if (votes[row][node] == null) {
                    engineMeters.add(c);
                    votes[row][node] = c;
                }
            }
        }
        return c;
    }

    /**
     * The engine these meters observe.
     *
     * @return the engine
     */
    public Redlock redlock() {
        return redlock;
    }

    /**
     * Removes the listener from the engine and every meter of this binding from the registry. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        redlock.removeListener(listener);
        if (lockMeters != null) {
            lockMeters.remove();
        }
        synchronized (engineMeters) {
            engineMeters.forEach(registry::remove);
            engineMeters.clear();
        }
    }
}
