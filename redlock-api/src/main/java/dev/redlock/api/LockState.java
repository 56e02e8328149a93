package dev.redlock.api;

/**
 * Whether a resource is locked, as the nodes answer right now: the tri-state of {@code isLocked}.
 *
 * <p>A snapshot: it may change as soon as it is returned. Use it for monitoring and diagnostics, never to decide
 * whether to lock (take the lock instead, or {@code tryLock}).
 *
 * @since 0.1
 */
public enum LockState {

    /** No node holds the key for any owner. */
    FREE,

    /** A quorum of nodes holds the key for one owner: the resource is locked. */
    HELD,

    /**
     * Some nodes hold the key for an owner, but no owner has a quorum: the remains of a lost or failed lock, or of
     * a vote that came too late, which expire with their TTL; or an acquisition that is still collecting votes. A
     * new lock of the resource can be granted once enough of them are gone.
     */
    HELD_ON_MINORITY;

    /**
     * Whether the resource is locked: {@link #HELD}.
     *
     * @return {@code true} for {@link #HELD} only
     */
    public boolean isHeld() {
        return this == HELD;
    }
}
