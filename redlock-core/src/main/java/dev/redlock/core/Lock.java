package dev.redlock.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

import dev.redlock.api.LockSession;
import dev.redlock.api.NodeVote;

/**
 * A lock granted by {@link Redlock}: a session plus the operations of its holder. Closing it releases it, so
 * try-with-resources reads naturally:
 *
 * <pre>{@code
 * try (Lock lock = redlock.acquire(List.of("invoice:42"), Duration.ofSeconds(30))) {
 *     // protected work; pass lock.fencingToken() to the storage
 * }
 * }</pre>
 *
 * <p>Ownership is a random 128-bit token, not a thread: any thread may extend or release the lock. Thread-safe.
 *
 * @since 0.1
 */
public interface Lock extends LockSession, AutoCloseable {

    /**
     * This lock's id, the same in every {@link LockEvent} of it and of the acquisition that granted it: 16 random
     * hex digits, not the owner token (which stays secret).
     *
     * @return the id; never {@code null}
     */
    String id();

    /**
     * The end of this lock's validity on the {@link System#nanoTime()} clock: the grant's (or the last extension's)
     * start plus its lease time minus the drift margin. Unlike {@link #remainingValidity()}, a point that does not
     * move while the lock is held and not extended, so it can be compared and logged; compare by subtraction, as
     * {@code lock.validUntilNanos() - System.nanoTime() > 0}. After a release or a loss it keeps the last value, while
     * {@link #remainingValidity()} is zero.
     *
     * @return the end of validity, in {@link System#nanoTime()} nanoseconds
     */
    long validUntilNanos();

    /**
     * Extends the lock on every node to {@code leaseTime} from now.
     *
     * @param leaseTime the new lease time (how long the lock stays valid without another extension); positive
     * @return this lock
     * @throws dev.redlock.api.LockLostException if a quorum of nodes no longer holds the lock for this owner, or
     *                                           the extension came too late; the lock is then lost
     * @throws IllegalStateException             if the lock was already released
     */
    Lock extend(Duration leaseTime);

    /**
     * Releases the lock on every node (compare-and-delete by token) and returns once a quorum of nodes confirmed
     * that the key is gone there (deleted, or no longer held by this owner). The other nodes are finished in the
     * background: a node still answering keeps its command, and a node whose release failed is tried again a few
     * times while the lease could still hold its key; {@link #votes()} shows them as they answer. So once this
     * returns, a quorum no longer holds the lock, but a minority node may hold its key a moment longer (until its
     * TTL at the latest). A minority of nodes down never makes it throw. Releasing twice, or releasing a lock whose
     * validity has ended (it is then lost, see {@link #isLost()}), is harmless and returns promptly.
     *
     * @throws dev.redlock.api.LockReleaseException if a quorum of nodes could not confirm the release (too many
     *                                              unreachable or failing); their keys expire with their TTL
     */
    void release();

    /**
     * Releases the lock asynchronously. The stage completes on the Redis client's I/O thread: chain blocking work
     * with the {@code *Async} methods of {@link CompletionStage} and an executor of yours.
     *
     * @return a stage completing when a quorum of nodes confirmed the release, exceptionally with
     *         {@link dev.redlock.api.LockReleaseException} as {@link #release()} would throw
     */
    CompletionStage<Void> releaseAsync();

    /**
     * Each node's answer to the last operation on this lock (the grant, then each extension, then the release),
     * in node order. A grant or extension completes as soon as a quorum agreed: a node that had not answered by
     * then shows as {@link NodeVote.Outcome#PENDING} until its answer arrives and replaces the list; the same holds
     * for a release, which completes at quorum too (a node retried after an error shows its later answer).
     * A lock whose validity ended is lost, not released: its votes stay those of its last grant or extension.
     *
     * @return the votes; never {@code null}
     */
    List<NodeVote> votes();

    /** Same as {@link #release()}. */
    @Override
    void close();
}
