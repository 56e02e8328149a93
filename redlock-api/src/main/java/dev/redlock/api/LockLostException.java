package dev.redlock.api;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A held lock was lost: an extension could not reach a quorum before the lock's validity ended, so another owner
 * may hold the resource now. Whatever the locked function wrote after that point was not protected.
 *
 * <p>The locked call ends with this exception once the function returns, even if the function itself succeeded;
 * if the function threw, its exception is thrown instead and this one is added to it as suppressed.
 *
 * @since 0.1
 */
public final class LockLostException extends RedlockException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; the engine's exception factory builds the message.
     *
     * @param keys    the keys of the lost lock
     * @param message the message, saying why the lock was lost
     * @param cause   the last node error, if any
     */
    public LockLostException(List<String> keys, String message, @Nullable Throwable cause) {
        super(keys, message, cause);
    }
}
