package dev.redlock.api;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of a lock operation that did not go as asked: not acquired, lost while held, or not released.
 *
 * <p>Unchecked and closed: these are the only lock outcomes. Programming errors (bad arguments, a call on a closed
 * engine) are reported with {@link IllegalArgumentException}, {@link IllegalStateException} and
 * {@link NullPointerException} instead. Redis client exceptions never escape: they are attached as the cause.
 *
 * @since 0.1
 */
public abstract sealed class RedlockException extends RuntimeException
        permits LockAcquisitionException, LockLostException, LockReleaseException {

    private static final long serialVersionUID = 1L;

    /** The Redis keys of the lock this failure concerns. */
    private final List<String> keys;

    RedlockException(List<String> keys, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.keys = List.copyOf(Objects.requireNonNull(keys, "keys"));
    }

    /**
     * The Redis keys of the lock this failure concerns.
     *
     * @return the keys; never empty for exceptions thrown by the engine
     */
    public List<String> keys() {
        return keys;
    }
}
