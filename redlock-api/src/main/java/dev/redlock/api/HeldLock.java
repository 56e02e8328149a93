package dev.redlock.api;

import java.time.Duration;
import java.util.Objects;

/**
 * A lock held right now, as the live inspect view reports it.
 *
 * @param key          the Redis key
 * @param owner        an opaque, shortened form of the owner's token: equal for the same grant, never the full
 *                     secret token
 * @param remainingTtl the key's remaining TTL on the node that reported it
 * @param fencingToken the fencing token of the grant
 * @param waiters      how many callers are waiting for the key, as far as this engine knows
 * @param state        {@link LockState#HELD} when a quorum of nodes holds the key for the owner (the resource is
 *                     locked), {@link LockState#HELD_ON_MINORITY} when only some do (the remains of a lost or failed
 *                     lock, or a grant still collecting votes; {@code remainingTtl} is then the longest TTL among
 *                     them: how long they may stand in the way)
 * @since 0.1
 */
public record HeldLock(String key, String owner, Duration remainingTtl, long fencingToken, int waiters,
        LockState state) {

    /**
     * Checks the components.
     *
     * @param key          the Redis key
     * @param owner        an opaque, shortened form of the owner's token
     * @param remainingTtl the key's remaining TTL on the node that reported it
     * @param fencingToken the fencing token of the grant
     * @param waiters      how many callers are waiting for the key, as far as this engine knows
     * @param state        {@link LockState#HELD} or {@link LockState#HELD_ON_MINORITY}
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if {@code state} is {@link LockState#FREE}: a free key is not listed
     */
    public HeldLock {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(remainingTtl, "remainingTtl");
        Objects.requireNonNull(state, "state");
        if (state == LockState.FREE) {
            throw new IllegalArgumentException("state must be HELD or HELD_ON_MINORITY, was FREE: a free key is not"
                    + " a held lock");
        }
    }

    /**
     * A lock held by a quorum of nodes ({@link LockState#HELD}).
     *
     * @param key          the Redis key
     * @param owner        an opaque, shortened form of the owner's token
     * @param remainingTtl the quorum-th largest remaining TTL among the nodes holding it
     * @param fencingToken the fencing token of the grant
     * @param waiters      how many callers are waiting for the key, as far as this engine knows
     * @throws NullPointerException if a component is null
     */
    public HeldLock(String key, String owner, Duration remainingTtl, long fencingToken, int waiters) {
        this(key, owner, remainingTtl, fencingToken, waiters, LockState.HELD);
    }
}
