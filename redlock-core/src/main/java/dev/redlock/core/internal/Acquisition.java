package dev.redlock.core.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import dev.redlock.api.LockAcquisitionException;
import dev.redlock.api.LockAcquisitionException.Reason;
import dev.redlock.api.NodeVote;
import dev.redlock.core.LockEvent;

/**
 * One caller's way to a lock: attempts, pauses, wake-ups, until granted or given up. Each attempt is a
 * {@link Round}: the acquire script on every voting node in parallel, decided as soon as a quorum granted (or can no
 * longer grant), so a slow node does not slow a grant down. A failed attempt releases what it took, on each node
 * only after that node answered (so the release cannot overtake the acquire on another connection).
 *
 * <p>States: RUNNING (an attempt in flight), SUBSCRIBING, SLEEPING, DONE. A release message moves SLEEPING to
 * RUNNING at once; a message during an attempt makes the next attempt start without a pause.
 */
final class Acquisition {

    private static final int RUNNING = 0;
    private static final int SLEEPING = 1;
    private static final int SUBSCRIBING = 2;
    private static final int DONE = 3;

    final Engine engine;
    final String where;
    final List<String> keys;
    final long leaseTimeMillis;
    final CompletableFuture<LockImpl> result = new CompletableFuture<>();
    /** The id of this acquisition's events and of the lock it grants. */
    final String lockId = Tokens.id();

    private final long startNanos = System.nanoTime();
    private final boolean hasDeadline;
    private final long deadlineNanos;
    private final int maxAttempts;
    private final boolean single;
    private final int fifoMode;
    private final String waiterId;
    private final String score;
    private final List<Object> scriptKeys;
    private final List<Object> scriptKeysWithEpoch;
    private final List<Object> lockAndFenceKeys;
    /** The attempt's script arguments that stay the same from one attempt to the next. */
    private final String leaseTimeArg;
    private final String retentionArg;
    private final String heartbeatArg;
    private final AtomicInteger state = new AtomicInteger(RUNNING);
    /** The reply recorded for nodes skipped because the tie-breaker node was held. */
    private static final List<Object> NOT_ASKED = List.of(0L, 0L);
    private volatile boolean woken;
    private volatile @Nullable ScheduledFuture<?> sleeper;
    private volatile boolean subscribed;
    private volatile boolean enqueued;
    private volatile int attempts;
    private int splits;
    private volatile List<NodeVote> lastVotes = List.of();
    private volatile Reason lastReason = Reason.HELD;
    private volatile @Nullable Throwable lastCause;
    /** Whether the attempts since {@link #unreachableSinceNanos} all missed the quorum for want of answers. */
    private volatile boolean unreachable;
    private volatile long unreachableSinceNanos;
    private final long unreachableTimeoutNanos;

    Acquisition(Engine engine, String where, List<String> keys, long leaseTimeMillis, @Nullable Duration wait) {
        this.engine = engine;
        this.where = where;
        this.keys = keys;
        this.leaseTimeMillis = leaseTimeMillis;
        Settings s = engine.settings();
        this.hasDeadline = wait != null;
        this.deadlineNanos = wait == null ? 0 : startNanos + saturatedNanos(wait);
        this.maxAttempts = s.retryCount() < 0 ? -1 : s.retryCount() + 1;
        this.unreachableTimeoutNanos = s.unreachableTimeout().toNanos();
        this.single = maxAttempts == 1 || wait != null && wait.isZero();
        // a waiter joins the key's queue on its first refused attempt, in both modes: a release wakes the head only
        this.fifoMode = s.fifo() ? (single ? 1 : 2) : single ? 0 : 3;
        this.waiterId = s.fifo() ? Tokens.next() : single ? "" : lockId;
        this.score = fifoMode == 0 ? "0" : Long.toString(engine.nextFifoScore());
        this.leaseTimeArg = Long.toString(leaseTimeMillis);
        this.retentionArg = Long.toString(Engine.fenceRetention(leaseTimeMillis));
        // default mode does not heartbeat faster than it retries: its queue entry outlives three pauses
        long heartbeat = fifoMode == 3
                ? Math.max(s.fifoHeartbeatTimeout().toMillis(), 3 * (s.retryDelay().toMillis()
                        + s.retryJitter().toMillis()))
                : s.fifoHeartbeatTimeout().toMillis();
        this.heartbeatArg = Long.toString(heartbeat);
        int n = keys.size();
        Object[] k = new Object[n * 4 + 1];
        for (int i = 0; i < n; i++) {
            String key = keys.get(i);
            k[i] = key;
            k[n + i] = KeyNames.fence(key);
            k[2 * n + i] = KeyNames.queue(key);
            k[3 * n + i] = KeyNames.heartbeats(key);
        }
        k[k.length - 1] = KeyNames.EPOCH;
        this.scriptKeysWithEpoch = Arrays.asList(k);
        this.scriptKeys = scriptKeysWithEpoch.subList(0, k.length - 1);
        this.lockAndFenceKeys = scriptKeysWithEpoch.subList(0, 2 * n);
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 4;
        }
    }

    void start() {
        if (!single && engine.subscriptions().isActive(keys)) {
            // the keys' release channels are open here already (others wait or waited for them): listen from the
            // first attempt on, so that a release right after a refusal still wakes this acquisition, and a
            // refusal needs no second attempt to cover the time it took to subscribe
            subscribed = true;
            engine.registerWaiting(this);
            engine.subscriptions().join(keys, this);
        }
        attempt();
    }

    private void attempt() {
        if (engine.isClosed()) {
            abandon(null);
            return;
        }
        attempts++;
        woken = false;
        new Round().send();
    }

    /** The id under which this acquisition waits in the keys' queues; empty for a single attempt. */
    String waiterId() {
        return waiterId;
    }

    /** A release message arrived for one of the keys. */
    void wake() {
        woken = true;
        if (state.compareAndSet(SLEEPING, RUNNING)) {
            ScheduledFuture<?> s = sleeper;
            if (s != null) {
                s.cancel(false);
            }
            attempt();
        }
    }

    private void onTimer() {
        if (state.compareAndSet(SLEEPING, RUNNING)) {
            if (hasDeadline && System.nanoTime() - deadlineNanos >= 0 && attempts > 0 || outage(System.nanoTime())) {
                giveUp();
            } else {
                attempt();
            }
        }
    }

    private void onGranted(LockImpl lock) {
        engine.registerHeld(lock);
        lock.armExpiry();
        if (!result.complete(lock)) {
            engine.unregisterHeld(lock);
            lock.releaseAsync();
            return;
        }
        state.set(DONE);
        cleanup(false);
    }

    /**
     * Whether the attempts have missed the quorum for want of answers for the unreachable timeout: an outage, not
     * contention, so the acquisition fails instead of waiting for the nodes to return.
     */
    private boolean outage(long now) {
        return unreachable && now - unreachableSinceNanos - unreachableTimeoutNanos >= 0;
    }

    private void onFailed(long attemptStart, List<NodeVote> votes, Reason reason, @Nullable Throwable cause,
            boolean split) {
        lastVotes = votes;
        lastReason = reason;
        lastCause = cause;
        if (reason != Reason.UNREACHABLE) {
            unreachable = false; // nodes answered: whatever keeps us waiting now, it is not an outage
        } else if (!unreachable) {
            unreachable = true;
            unreachableSinceNanos = attemptStart;
        }
        if (result.isDone() || state.get() == DONE) {
            cleanup(true);
            return;
        }
        long now = System.nanoTime();
        boolean more = (maxAttempts < 0 || attempts < maxAttempts) && (!hasDeadline || now - deadlineNanos < 0)
                && !engine.isClosed() && !outage(now);
        if (!more) {
            giveUp();
            return;
        }
        engine.registerWaiting(this);
        if (reason == Reason.HELD && !subscribed) {
            subscribed = true;
            state.set(SUBSCRIBING);
            engine.subscriptions().join(keys, this).whenComplete((v, e) -> {
                if (state.compareAndSet(SUBSCRIBING, RUNNING)) {
                    attempt();
                }
            });
            return;
        }
        if (woken && !split) {
            engine.runOnScheduler(this::attempt);
            return;
        }
        Settings s = engine.settings();
        long delay;
        if (split) {
            // contenders split the votes and nobody won: back off briefly at random (exponentially) instead of a
            // full retry delay, since the resource is free again once the partial grants are released
            splits = Math.min(splits + 1, 8);
            delay = Math.min(s.retryDelay().toNanos(),
                    TimeUnit.MICROSECONDS.toNanos(Tokens.jitter(250L << splits)));
        } else {
            delay = s.retryDelay().toNanos() + TimeUnit.MILLISECONDS.toNanos(engine.jitterMillis(s.retryJitter().toMillis()));
            engine.retryPause(delay);
        }
        if (fifoMode == 2) {
            delay = Math.min(delay, s.fifoHeartbeatTimeout().toNanos() / 3); // heartbeat: keep the place in the queue
        }
        state.set(SLEEPING);
        sleep(delay);
    }

    /** Sleeps in state SLEEPING until the timer or a wake-up; the deadline caps the pause. */
    private void sleep(long delayNanos) {
        long delay = delayNanos;
        if (hasDeadline) {
            delay = Math.min(delay, deadlineNanos - System.nanoTime());
        }
        if (unreachable) {
            // wake at the end of the unreachable timeout to give up then, not one pause later
            delay = Math.min(delay, unreachableSinceNanos + unreachableTimeoutNanos - System.nanoTime());
        }
        try {
            sleeper = engine.schedule(this::onTimer, delay);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            abandon(null); // the engine is closing
            return;
        }
        if (woken && state.compareAndSet(SLEEPING, RUNNING)) {
            ScheduledFuture<?> sl = sleeper;
            if (sl != null) {
                sl.cancel(false);
            }
            engine.runOnScheduler(this::attempt);
        }
    }

    private Duration waited() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private void giveUp() {
        state.set(DONE);
        cleanup(true);
        failWith(Exceptions.notAcquired(where, keys, lastReason, Math.max(1, attempts), waited(), engine.quorum(),
                lastVotes, lastCause, outage(System.nanoTime()) ? engine.settings().unreachableTimeout() : null));
    }

    /** Tells the listeners, then the caller: what follows the failure sees the event. */
    private void failWith(LockAcquisitionException ex) {
        engine.fire(LockEvent.Type.ACQUISITION_FAILED, lockId, keys, 0, lastVotes, 0, startNanos, ex);
        result.completeExceptionally(ex);
    }

    /** Stops waiting: on close ({@code ex == null}) or interrupt. */
    void abandon(@Nullable LockAcquisitionException ex) {
        if (state.getAndSet(DONE) == DONE && result.isDone()) {
            return;
        }
        ScheduledFuture<?> s = sleeper;
        if (s != null) {
            s.cancel(false);
        }
        cleanup(true);
        failWith(ex != null
                ? ex
                : Exceptions.closedWhileWaiting(where, keys, attempts, waited(), engine.quorum(), lastVotes));
    }

    /** The calling thread was interrupted while waiting: stop and say so. */
    LockAcquisitionException interrupted(InterruptedException e) {
        LockAcquisitionException ex = Exceptions.interrupted(where, keys, attempts, waited(), engine.quorum(),
                lastVotes, e);
        abandon(ex);
        if (result.isDone() && !result.isCompletedExceptionally()) {
            result.join().releaseAsync(); // granted just before the interrupt; the caller will not see it
        }
        return ex;
    }

    private void cleanup(boolean leaveQueue) {
        if (subscribed) {
            engine.subscriptions().leave(keys, this);
        }
        engine.unregisterWaiting(this);
        if (leaveQueue && enqueued) {
            dequeue(null, true);
        }
    }

    /** Leaves the FIFO queues on the nodes (all if {@code which} is null). */
    private void dequeue(boolean @Nullable [] which, boolean publish) {
        List<Object> qk = new ArrayList<>(keys.size() * 2);
        for (String k : keys) {
            qk.add(KeyNames.queue(k));
        }
        for (String k : keys) {
            qk.add(KeyNames.heartbeats(k));
        }
        Object[] args = new Object[3 + keys.size()];
        args[0] = waiterId;
        args[1] = Node.arg(keys.size());
        args[2] = publish ? "1" : "0";
        for (int i = 0; i < keys.size(); i++) {
            args[3 + i] = KeyNames.channel(keys.get(i));
        }
        for (Node n : engine.nodes()) {
            if (which == null || which[n.index]) {
                n.eval(Node.Script.DEQUEUE, qk, args);
            }
        }
    }

    /** One attempt on every node. */
    private final class Round {
        final String token = Tokens.next();
        final long start = System.nanoTime();
        final int n = engine.nodes().size();
        final Ballot ballot = engine.ballot();
        /** Completes when every node has answered this attempt (each answer is bounded by the command timeout). */
        final CompletableFuture<Void> answeredAll = new CompletableFuture<>();
        boolean success;
        @Nullable
        LockImpl lock;
        /** The last answer came in while the grant was decided but its lock not yet made: succeed() finishes. */
        boolean answeredBeforeLock;

        /**
         * Sends the attempt. A single attempt without FIFO (a zero wait, or no retries) on a key contended here goes
         * to one tie-breaker node first (the first voting node) and to the others only if that node granted or
         * failed: a contender that loses the tie-breaker touches no other node, so it cannot split the votes. A
         * waiter's attempts go to every node at once: each one keeps its place in every node's waiter queue (the
         * entries expire unless refreshed), and the release on each node gives the turn to that queue's head. So
         * does every attempt while the last one missed the quorum for want of answers: the nodes not asked would
         * count as "held" and hide an outage behind the tie-breaker's answer.
         */
        void send() {
            String leaseTime = leaseTimeArg;
            String count = Node.arg(keys.size());
            String retention = retentionArg;
            String quarantine = Node.arg(engine.quarantineMillis());
            String mode = Node.arg(fifoMode);
            String hb = heartbeatArg;
            if (fifoMode >= 2) {
                enqueued = true;
            }
            Node tieBreaker = null;
            if (fifoMode == 0 && n > 1 && !unreachable
                    && (attempts > 1 || engine.subscriptions().isContended(keys))) {
                for (Node node : engine.nodes()) {
                    if (node.voting(start)) {
                        tieBreaker = node;
                        break;
                    }
                }
            }
            if (tieBreaker == null) {
                sendTo(null, leaseTime, count, retention, quarantine, mode, hb);
                return;
            }
            Node t = tieBreaker;
            call(t, leaseTime, count, retention, quarantine, mode, hb).whenComplete((r, e) -> {
                boolean held = e == null && r != null && r.size() >= 2 && r.get(0) instanceof Number status
                        && status.longValue() == 0;
                if (held) {
                    for (Node node : engine.nodes()) {
                        if (node != t) {
                            onReply(node, NOT_ASKED, null, false); // counted as held, as the tie-breaker is
                        }
                    }
                    onReply(t, r, null, false);
                } else {
                    onReply(t, r, e, false);
                    sendTo(t, leaseTime, count, retention, quarantine, mode, hb);
                }
            });
        }

        private void sendTo(@Nullable Node except, String leaseTime, String count, String retention, String quarantine,
                String mode, String hb) {
            for (Node node : engine.nodes()) {
                if (node == except) {
                    continue;
                }
                if (!node.voting(start)) {
                    onReply(node, null, null, true);
                    continue;
                }
                call(node, leaseTime, count, retention, quarantine, mode, hb)
                        .whenComplete((r, e) -> onReply(node, r, e, false));
            }
        }

        private CompletableFuture<List<Object>> call(Node node, String leaseTime, String count, String retention,
                String quarantine, String mode, String hb) {
            Object[] args = {token, leaseTime, count, retention, node.cluster ? "-" : node.epoch, engine.epochProposal(),
                    quarantine, mode, waiterId, score, hb};
            EngineCounters.ACQUIRE_SCRIPTS.increment();
            return node.<List<Object>>eval(Node.Script.ACQUIRE, node.cluster ? scriptKeys : scriptKeysWithEpoch,
                    args);
        }

        void onReply(Node node, @Nullable List<Object> reply, @Nullable Throwable error, boolean skipped) {
            int i = node.index;
            boolean decideNow;
            boolean releaseThis = false;
            boolean all;
            synchronized (this) {
                if (skipped) {
                    decideNow = ballot.notVoting(i, "restarted recently; sits out one maximum lease time");
                } else if (error != null || reply == null || reply.size() < 2) {
                    decideNow = ballot.failed(i,
                            error != null ? error : new IllegalStateException("bad reply " + reply));
                } else if (!(reply.get(0) instanceof Number) || !(reply.get(1) instanceof Number)) {
                    decideNow = ballot.failed(i, new IllegalStateException("unexpected reply " + reply));
                } else {
                    long status = ((Number) reply.get(0)).longValue();
                    long value = ((Number) reply.get(1)).longValue();
                    if (reply.size() > 2 && reply.get(2) instanceof String ep && !ep.isEmpty()) {
                        node.epoch = ep;
                    }
                    if (status == 1) {
                        decideNow = ballot.granted(i, value);
                    } else if (status == 0) {
                        EngineCounters.HELD_REPLIES.increment();
                        decideNow = ballot.held(i, null);
                    } else {
                        node.sitOut(value);
                        decideNow = ballot.notVoting(i, "restarted or flushed; not voting for " + Duration.ofMillis(value));
                    }
                }
                if (!decideNow) {
                    releaseThis = ballot.isDecided() && !success && ballot.mayHold(i);
                } else if (ballot.quorumGranted()) {
                    long validity = TimeUnit.MILLISECONDS.toNanos(leaseTimeMillis) - (System.nanoTime() - start)
                            - engine.driftNanos(leaseTimeMillis);
                    success = validity > 0;
                }
                all = ballot.allAnswered();
            }
            if (releaseThis) {
                releaseNode(node);
            }
            if (decideNow) {
                try {
                    if (success) {
                        succeed();
                    } else {
                        fail();
                    }
                } catch (RuntimeException | Error e) {
                    // never leave the caller waiting on a bug: fail the acquisition with it
                    state.set(DONE);
                    cleanup(true);
                    result.completeExceptionally(e);
                    throw e;
                }
            }
            if (all) {
                try {
                    allAnswered();
                } finally {
                    answeredAll.complete(null);
                }
            }
        }

        private void succeed() {
            long validUntil = grantValidUntil();
            LockImpl l = new LockImpl(engine, lockId, keys, scriptKeys, token, ballot.maxGrantedValue(), leaseTimeMillis,
                    validUntil, ballot.votes(), answeredAll);
            boolean late;
            synchronized (this) {
                lock = l;
                late = answeredBeforeLock;
            }
            EngineCounters.GRANTS.increment();
            onGranted(l);
            if (late) {
                allAnswered(); // the ACQUIRED event and the final votes, which the last answer could not give yet
            }
        }

        private void fail() {
            boolean[] toRelease = new boolean[n];
            boolean[] partial = new boolean[n];
            boolean expired;
            boolean split;
            boolean knowsWhy;
            synchronized (this) {
                split = ballot.grantedCount() > 0;
                for (int i = 0; i < n; i++) {
                    toRelease[i] = ballot.mayHold(i);
                    partial[i] = ballot.isGranted(i);
                }
                expired = ballot.quorumGranted();
                knowsWhy = expired || ballot.quorumAnswered() || ballot.allAnswered();
            }
            List<CompletableFuture<?>> waits = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (toRelease[i]) {
                    CompletableFuture<Object> r = releaseNode(engine.node(i));
                    if (partial[i]) {
                        // retry only once our partial grants are gone, so the next attempt does not meet itself
                        waits.add(r);
                    }
                }
            }
            if (!knowsWhy) {
                // "held" only if a quorum answered: the nodes still pending decide between held and unreachable
                // (each answer is bounded by the command timeout), so a dead node is never read as contention
                waits.add(answeredAll);
            }
            Runnable failed = () -> {
                Reason reason;
                synchronized (this) {
                    reason = expired
                            ? Reason.VALIDITY_EXPIRED
                            : ballot.quorumAnswered() ? Reason.HELD : Reason.UNREACHABLE;
                }
                onFailed(start, ballot.votes(), reason, ballot.firstError(), split && reason == Reason.HELD);
            };
            if (waits.isEmpty()) {
                failed.run();
            } else {
                CompletableFuture.allOf(waits.toArray(new CompletableFuture<?>[0])).whenComplete((v, e) -> failed.run());
            }
        }

        /** The grant's end of validity: the lock's own moves with extensions, the ACQUIRED event's does not. */
        private long grantValidUntil() {
            return start + TimeUnit.MILLISECONDS.toNanos(leaseTimeMillis) - engine.driftNanos(leaseTimeMillis);
        }

        private CompletableFuture<Object> releaseNode(Node node) {
            return node.eval(Node.Script.RELEASE, lockAndFenceKeys, token, "0", Node.arg(keys.size()), "0", "0");
        }

        private void allAnswered() {
            LockImpl l;
            boolean ok;
            synchronized (this) {
                l = lock;
                ok = success;
                if (ok && l == null) {
                    answeredBeforeLock = true; // another thread decided the grant and is making the lock now
                    return;
                }
            }
            if (ok && l != null) {
                List<NodeVote> all = ballot.votes();
                l.votes = all;
                if (fifoMode >= 2) {
                    boolean[] others = new boolean[n];
                    boolean any = false;
                    for (int i = 0; i < n; i++) {
                        others[i] = !ballot.isGranted(i);
                        any |= others[i];
                    }
                    if (any) {
                        dequeue(others, false);
                    }
                }
                engine.fire(LockEvent.Type.ACQUIRED, lockId, keys, l.fencingToken(), all, grantValidUntil(),
                        startNanos, null);
            }
            boolean granted = ok && l != null;
            engine.fireNodeErrors(lockId, keys, granted ? l.fencingToken() : 0, granted ? grantValidUntil() : 0,
                    startNanos, ballot);
        }

        @Override
        public String toString() {
            return "Round" + ballot;
        }
    }
}
