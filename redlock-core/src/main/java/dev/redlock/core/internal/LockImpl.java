package dev.redlock.core.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import io.netty.util.Timeout;

import dev.redlock.api.LockLostException;
import dev.redlock.api.NodeVote;
import dev.redlock.core.Lock;
import dev.redlock.core.LockEvent;

/**
 * A granted lock. Its owner is the random token, so any thread may extend or release it. Extension and release are
 * one script call per node, in parallel, answered once; they never retry on their own, except the watchdog, which
 * retries an extension only while the lock is still valid. Every lock, extended automatically or not, is lost when
 * its validity ends on the monotonic clock: a timer fires {@link #lost()} then, and {@link #isLost()},
 * {@link #throwIfLost()} and {@link #releaseAsync()} read the clock themselves.
 */
public final class LockImpl implements Lock {

    private static final int HELD = 0;
    private static final int RELEASED = 1;
    private static final int LOST = 2;

    private final Engine engine;
    private final String id;
    private final List<String> keys;
    private final List<Object> scriptKeys;
    private final String token;
    private final long fencingToken;
    private final CompletableFuture<Void> acquireAnswered;
    /** When the lock was granted, on the {@link System#nanoTime()} clock: events tell the hold time from it. */
    private final long grantedNanos = System.nanoTime();
    private volatile int state = HELD; // leaves HELD only under the transition monitor
    private final CompletableFuture<LockLostException> lost = new CompletableFuture<>();
    private final CompletionStage<LockLostException> lostView = lost.minimalCompletionStage();
    private volatile long leaseTimeMillis;
    private volatile long validUntilNanos;
    volatile List<NodeVote> votes;
    private volatile @Nullable LockLostException lostException;
    /**
     * Guards the transitions out of HELD (to LOST or RELEASED): once {@link #markLost} or {@link #releaseAsync}
     * returns, the state is no longer HELD, and a LOST state always has its exception. The using() thread and the
     * watchdog race to mark an expired lock lost; whichever loses must still see the loss.
     */
    private final Object transition = new Object();

    // watchdog state, guarded by this
    private boolean auto;
    private @Nullable Thread runner;
    private boolean interruptedRunner;
    private @Nullable Timeout extensionTask;
    private @Nullable Timeout expiryTask;

    LockImpl(Engine engine, String id, List<String> keys, List<Object> lockAndFenceKeys, String token,
            long fencingToken, long leaseTimeMillis, long validUntilNanos, List<NodeVote> votes,
            CompletableFuture<Void> acquireAnswered) {
        this.engine = engine;
        this.id = id;
        this.acquireAnswered = acquireAnswered;
        this.keys = keys;
        this.scriptKeys = lockAndFenceKeys;
        this.token = token;
        this.fencingToken = fencingToken;
        this.leaseTimeMillis = leaseTimeMillis;
        this.validUntilNanos = validUntilNanos;
        this.votes = votes;
    }

    @Override
    public List<String> keys() {
        return keys;
    }

    @Override
    public long fencingToken() {
        return fencingToken;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public long validUntilNanos() {
        return validUntilNanos;
    }

    @Override
    public Duration remainingValidity() {
        if (state != HELD) {
            return Duration.ZERO;
        }
        long left = validUntilNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /**
     * Reads the monotonic clock, not only the state: a lease whose validity has run out is lost even before the
     * expiry timer fired (a stalled scheduler thread), so this agrees with {@link #remainingValidity()}.
     */
    @Override
    public boolean isLost() {
        checkExpired();
        return state == LOST;
    }

    @Override
    public void throwIfLost() {
        checkExpired();
        LockLostException e = lostException;
        if (e != null) {
            throw e;
        }
    }

    @Override
    public CompletionStage<LockLostException> lost() {
        return lostView;
    }

    @Override
    public List<NodeVote> votes() {
        return votes;
    }

    LockLostException lostException() {
        LockLostException e = lostException;
        if (e == null) {
            throw new IllegalStateException("not lost");
        }
        return e;
    }

    // ---------------------------------------------------------------------------------------------- extend

    @Override
    public Lock extend(Duration leaseTime) {
        long millis = Engine.checkLeaseTime(leaseTime);
        int s = state;
        if (s == RELEASED) {
            throw Exceptions.released(keys);
        }
        throwIfLost();
        Transport.checkNotIoThread("Lock.extend");
        Extension x;
        try {
            x = extendOnce(millis).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Engine.rethrow(e);
        } catch (ExecutionException e) {
            throw Engine.rethrow(e.getCause());
        }
        if (!x.ok) {
            markLost("the extension was not granted by a quorum of " + engine.quorum() + " in time", x.votes, x.cause);
            if (state == RELEASED) {
                throw Exceptions.released(keys); // released by another thread meanwhile
            }
            throw lostException();
        }
        return this;
    }

    /** The outcome of one extension round. */
    private record Extension(boolean ok, List<NodeVote> votes, @Nullable Throwable cause, long validUntilNanos) {
    }

    /** One extension round on every node; completes at quorum (granted or impossible). */
    private CompletableFuture<Extension> extendOnce(long millis) {
        long start = System.nanoTime();
        CompletableFuture<Extension> out = new CompletableFuture<>();
        Ballot ballot = engine.ballot();
        String leaseTime = Long.toString(millis);
        String count = Node.arg(keys.size());
        String retention = Long.toString(Engine.fenceRetention(millis));
        String fence = Long.toString(fencingToken);
        // the decision, recorded under the ballot's monitor: the last answer may come in on another thread before
        // the deciding one completed {@code out}, and must still see whether the extension was granted
        Extension[] decision = new Extension[1];
        for (Node node : engine.nodes()) {
            node.<Long>eval(Node.Script.EXTEND, scriptKeys, token, leaseTime, count, retention, fence)
                    .whenComplete((r, e) -> {
                        boolean complete;
                        boolean ok = false;
                        long newValidUntil = 0;
                        boolean all;
                        List<NodeVote> snapshot = null;
                        Throwable cause = null;
                        Extension decided = null;
                        Extension atEnd = null;
                        synchronized (ballot) {
                            if (e != null) {
                                complete = ballot.failed(node.index, e);
                            } else if (r != null && r == 1L) {
                                complete = ballot.granted(node.index, 0);
                            } else {
                                complete = ballot.held(node.index, null);
                            }
                            if (complete && ballot.quorumGranted()) {
                                long validUntil = start + TimeUnit.MILLISECONDS.toNanos(millis)
                                        - engine.driftNanos(millis);
                                ok = validUntil - System.nanoTime() > 0;
                                if (ok) {
                                    this.leaseTimeMillis = millis;
                                    this.validUntilNanos = validUntil;
                                    newValidUntil = validUntil;
                                }
                            }
                            all = ballot.allAnswered();
                            if (complete || all) {
                                snapshot = ballot.votes();
                                cause = ballot.firstError();
                            }
                            if (complete) {
                                decided = new Extension(ok, snapshot, cause, newValidUntil);
                                decision[0] = decided;
                            }
                            if (all) {
                                atEnd = decision[0]; // decided at the latest by this last answer
                            }
                        }
                        if (ok) {
                            armExpiry();
                        }
                        if (decided != null) {
                            out.complete(decided);
                        }
                        if (all) {
                            this.votes = snapshot;
                            if (atEnd != null && atEnd.ok) {
                                engine.fire(LockEvent.Type.EXTENDED, id, keys, fencingToken, snapshot,
                                        atEnd.validUntilNanos, grantedNanos, null);
                            } else if (atEnd != null) {
                                engine.fire(LockEvent.Type.EXTENSION_FAILED, id, keys, fencingToken, snapshot,
                                        validUntilNanos, grantedNanos, atEnd.cause);
                            }
                            engine.fireNodeErrors(id, keys, fencingToken, validUntilNanos, grantedNanos, ballot);
                        }
                    });
        }
        return out;
    }

    // -------------------------------------------------------------------------------------------- watchdog

    /** Starts the watchdog; {@code runner} is interrupted on loss if configured. */
    synchronized void startAutoExtension(@Nullable Thread runner) {
        auto = true;
        this.runner = engine.settings().interruptOnLoss() ? runner : null;
        schedule();
    }

    /**
     * Stops the watchdog.
     *
     * @return whether the runner was interrupted because of a loss
     */
    synchronized boolean stopAutoExtension() {
        auto = false;
        runner = null;
        cancel(extensionTask);
        extensionTask = null;
        return interruptedRunner;
    }

    /**
     * Schedules the loss at the end of the validity, for every lock (manual or automatically extended): the
     * {@link #lost()} signal fires then even if nobody asks. Called at the grant and after each extension.
     */
    synchronized void armExpiry() {
        if (state != HELD) {
            return;
        }
        cancel(expiryTask);
        expiryTask = engine.later(this::checkExpired, validUntilNanos - System.nanoTime());
    }

    private static void cancel(@Nullable Timeout t) {
        if (t != null) {
            t.cancel();
        }
    }

    /**
     * Schedules the next extension: when the remaining validity falls below max(threshold, leaseTime/3), but never
     * sooner than a third of the remaining validity. The loss at the end of the validity is {@link #armExpiry}'s.
     */
    private synchronized void schedule() {
        if (!auto || state != HELD) {
            return;
        }
        long remaining = validUntilNanos - System.nanoTime();
        long margin = Math.max(engine.settings().extensionThreshold().toNanos(),
                TimeUnit.MILLISECONDS.toNanos(leaseTimeMillis) / 3);
        long delay = Math.max(remaining - margin, remaining / 3);
        cancel(extensionTask);
        extensionTask = engine.later(this::autoExtend, delay);
    }

    private void autoExtend() {
        synchronized (this) {
            if (!auto || state != HELD) {
                return;
            }
        }
        extendOnce(leaseTimeMillis).whenComplete((x, e) -> {
            if (x != null && x.ok) {
                schedule();
                return;
            }
            long remaining = validUntilNanos - System.nanoTime();
            if (remaining <= 0) {
                checkExpired();
                return;
            }
            // retry while still valid: bounded by the validity, never forever
            long retry = Math.max(TimeUnit.MILLISECONDS.toNanos(10),
                    Math.min(remaining / 4, engine.settings().retryDelay().toNanos()));
            synchronized (this) {
                if (auto && state == HELD) {
                    lastFailure = x;
                    cancel(extensionTask);
                    extensionTask = engine.later(this::autoExtend, retry);
                }
            }
        });
    }

    private volatile @Nullable Extension lastFailure;

    /**
     * Marks the lock lost if its validity has ended while it was held: {@code using} calls it when the function
     * returns, so that a function that outran its validity while no timer could fire (the watchdog stalled by a
     * pause) still ends in {@link LockLostException}.
     */
    void lostIfExpired() {
        checkExpired();
    }

    private void checkExpired() {
        if (state == HELD && validUntilNanos - System.nanoTime() <= 0) {
            Extension x = lastFailure;
            if (x != null) {
                markLost("no extension reached a quorum of " + engine.quorum() + " before the validity ended",
                        x.votes, x.cause);
            } else {
                markLost("its validity ended (lease time " + Duration.ofMillis(leaseTimeMillis)
                        + ") without an extension", votes, null);
            }
        }
    }

    private void markLost(String why, List<NodeVote> vs, @Nullable Throwable cause) {
        LockLostException e;
        synchronized (transition) {
            if (state != HELD) {
                return;
            }
            e = Exceptions.lost(keys, why, vs, cause);
            lostException = e; // before the state: whoever sees LOST finds the exception
            state = LOST;
        }
        engine.unregisterHeld(this);
        engine.fire(LockEvent.Type.LOST, id, keys, fencingToken, vs, validUntilNanos, grantedNanos, e); // before the signal: a caller may return at once
        lost.complete(e);
        synchronized (this) {
            cancel(extensionTask);
            cancel(expiryTask);
            if (runner != null) {
                interruptedRunner = true;
                runner.interrupt();
            }
        }
        releaseOnNodes(true, false); // best effort: lets the next owner in sooner where our keys survived
    }

    // --------------------------------------------------------------------------------------------- release

    @Override
    public void release() {
        Transport.checkNotIoThread("Lock.release");
        try {
            releaseAsync().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Engine.rethrow(e);
        } catch (ExecutionException e) {
            throw Engine.rethrow(e.getCause());
        }
    }

    @Override
    public void close() {
        release();
    }

    @Override
    public CompletionStage<Void> releaseAsync() {
        checkExpired(); // an expired lease is lost, not released: its loss releases what is left on the nodes
        synchronized (transition) {
            if (state != HELD) {
                return CompletableFuture.completedFuture(null);
            }
            state = RELEASED;
        }
        stopAutoExtension();
        synchronized (this) {
            cancel(expiryTask);
            expiryTask = null;
        }
        engine.unregisterHeld(this);
        CompletableFuture<Void> out = new CompletableFuture<>();
        Release release = releaseOnNodes(true, true);
        settled = release.settled;
        engine.settleBeforeClose(release.settled);
        release.confirmed.whenComplete((ballot, e) -> {
            // listeners hear of the release before the caller resumes, so what follows the release sees the events
            List<NodeVote> vs = showVotes(release);
            boolean failed = !ballot.quorumAnswered();
            if (!failed) {
                engine.fire(LockEvent.Type.RELEASED, id, keys, fencingToken, vs, validUntilNanos, grantedNanos,
                        null);
            }
            if (failed) {
                out.completeExceptionally(Exceptions.releaseFailed(keys, engine.quorum(), vs, ballot.firstError()));
            } else {
                out.complete(null);
            }
        });
        return out;
    }

    /** How often a node whose release failed is tried again, in the background. */
    static final int RELEASE_RETRIES = 3;

    /** Completes when every node has answered the last release once (retries go on after it); for close. */
    private volatile CompletableFuture<Void> settled = CompletableFuture.completedFuture(null);

    /** The end of the last release's background work; completed if there was none. */
    CompletableFuture<Void> releaseSettled() {
        return settled;
    }

    /**
     * One release: {@code confirmed} completes with the ballot as soon as a quorum of nodes confirmed that the key
     * is gone (deleted, or no longer ours), or once a quorum can no longer confirm it; {@code settled} when every
     * node has answered once. {@code retried} holds the later answers of retried nodes.
     */
    private static final class Release {
        final Ballot ballot;
        final boolean showVotes;
        final CompletableFuture<Ballot> confirmed = new CompletableFuture<>();
        final Map<Integer, NodeVote> retried = new ConcurrentHashMap<>();
        CompletableFuture<Void> settled = CompletableFuture.completedFuture(null);

        Release(Ballot ballot, boolean showVotes) {
            this.ballot = ballot;
            this.showVotes = showVotes;
        }
    }

    /**
     * Shows the release's votes in {@link #votes()}: the ballot's (a straggler pending until it answers) with the
     * retried nodes' later answers. Recomputed on every change, so the order of the updates does not matter.
     */
    private synchronized List<NodeVote> showVotes(Release release) {
        List<NodeVote> vs = new ArrayList<>(release.ballot.votes());
        release.retried.forEach(vs::set);
        votes = List.copyOf(vs);
        return votes;
    }

    /**
     * Compare-and-delete on every node in parallel, decided at quorum; the stragglers are finished in the
     * background: a node that fails (unreachable, timed out, its pool exhausted) is tried again up to
     * {@value #RELEASE_RETRIES} times, backing off, while the lease could still hold its key. A node that has not yet
     * answered the acquisition is released only after it has: the release travels on another pooled connection and
     * could otherwise overtake the acquire, leaving that node's key behind until its TTL ends.
     */
    private Release releaseOnNodes(boolean publish, boolean showVotes) {
        Release release = new Release(engine.ballot(), showVotes);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        Object[] args = new Object[6 + keys.size()];
        args[0] = token;
        args[1] = publish ? "1" : "0";
        args[2] = Node.arg(keys.size());
        args[3] = Long.toString(Engine.fenceRetention(leaseTimeMillis));
        args[4] = Long.toString(fencingToken);
        for (int i = 0; i < keys.size(); i++) {
            args[5 + i] = KeyNames.channel(keys.get(i));
        }
        // the woken head's turn: one retry delay, what it would have waited for a poll without the message
        args[5 + keys.size()] = Node.arg(engine.settings().retryDelay().toMillis());
        List<NodeVote> acquired = votes;
        for (Node node : engine.nodes()) {
            CompletableFuture<Void> nodeDone = new CompletableFuture<>();
            done.add(nodeDone);
            Runnable send = () -> releaseOn(node, args, release, nodeDone);
            if (acquired.get(node.index).outcome() == NodeVote.Outcome.PENDING && !acquireAnswered.isDone()) {
                acquireAnswered.whenComplete((v, e) -> send.run());
            } else {
                send.run();
            }
        }
        release.settled = CompletableFuture.allOf(done.toArray(new CompletableFuture<?>[0])).whenComplete((v, e) -> {
            release.confirmed.complete(release.ballot); // no-op: decided at the latest with the last first answer
            engine.fireNodeErrors(id, keys, fencingToken, validUntilNanos, grantedNanos, release.ballot);
        });
        return release;
    }

    /** The first release of one node, recorded in the ballot; a failure is retried in the background. */
    private void releaseOn(Node node, Object[] args, Release release, CompletableFuture<Void> nodeDone) {
        Ballot ballot = release.ballot;
        node.<Long>eval(Node.Script.RELEASE, scriptKeys, args).whenComplete((r, e) -> {
            if (e != null) {
                ballot.failed(node.index, e);
            } else if (r != null && r > 0) {
                ballot.granted(node.index, 0);
            } else {
                ballot.held(node.index, "not held any more");
            }
            if (release.confirmed.isDone()) {
                if (release.showVotes) {
                    showVotes(release); // a straggler's answer
                }
            } else if (ballot.quorumAnswered() || ballot.tooManyFailed()) {
                release.confirmed.complete(ballot);
            }
            nodeDone.complete(null);
            if (e != null) {
                retryRelease(node, args, release, 1);
            }
        });
    }

    /** Tries a failed node's release again, backing off, at most {@value #RELEASE_RETRIES} times. */
    private void retryRelease(Node node, Object[] args, Release release, int attempt) {
        long leaseEnd = validUntilNanos + engine.driftNanos(leaseTimeMillis); // the key expires there by then
        long delay = engine.settings().retryDelay().toNanos() << (attempt - 1);
        if (attempt > RELEASE_RETRIES || System.nanoTime() + delay - leaseEnd >= 0) {
            return; // its key expires with its TTL
        }
        try {
            engine.schedule(() -> node.<Long>eval(Node.Script.RELEASE, scriptKeys, args).whenComplete((r, e) -> {
                if (e != null) {
                    retryRelease(node, args, release, attempt + 1);
                    return;
                }
                release.retried.put(node.index, r != null && r > 0
                        ? new NodeVote(node.name, NodeVote.Outcome.GRANTED, null)
                        : new NodeVote(node.name, NodeVote.Outcome.HELD, "not held any more"));
                if (release.showVotes && release.confirmed.isDone()) {
                    showVotes(release);
                }
            }), delay);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the engine is closing: the key expires with its TTL
        }
    }

    @Override
    public String toString() {
        return "Lock" + keys + "[id=" + id + ", fence=" + fencingToken + ", state=" + (state == HELD
                ? "held"
                : state == LOST ? "lost" : "released") + "]";
    }
}
