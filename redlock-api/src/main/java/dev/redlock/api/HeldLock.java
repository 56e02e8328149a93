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
 * @since 0.1
 */
public record HeldLock(String key, String owner, Duration remainingTtl, long fencingToken, int waiters) {

    /**
     * Checks the components.
     *
     * @param key          the Redis key
     * @param owner        an opaque, shortened form of the owner's token
     * @param remainingTtl the key's remaining TTL on the node that reported it
     * @param fencingToken the fencing token of the grant
     * @param waiters      how many callers are waiting for the key, as far as this engine knows
     * @throws NullPointerException if a component is null
     */
    public HeldLock {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(remainingTtl, "remainingTtl");
    }
}
