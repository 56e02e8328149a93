package dev.redlock.testkit;

/**
 * A command sent with {@link RedisNode#execute(String...)} failed: the server answered with an error reply, or
 * could not be reached.
 *
 * @since 0.1
 */
public final class RedisCommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the node and the command
     * @param cause   the I/O error, if any
     */
    public RedisCommandException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception for an error reply.
     *
     * @param message what failed, naming the node, the command and the reply
     */
    public RedisCommandException(String message) {
        super(message);
    }
}
