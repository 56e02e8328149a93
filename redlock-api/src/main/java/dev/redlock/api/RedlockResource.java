package dev.redlock.api;

/**
 * A lock resource of a meta bean: a value of the {@code Lock} or {@code Isolate} type that
 * {@code redlock-meta-processor} generates from {@link RedlockResources @RedlockResources}.
 *
 * <p>Implementations are immutable values. User code obtains them from the generated types
 * ({@code MetaRedlock_.Lock.NAME}, {@code MetaRedlock_.Isolate.user(userId)}) and rarely implements this
 * interface itself.
 *
 * @since 0.1
 */
public interface RedlockResource {

    /**
     * The resource as it appears in the Redis key, with every placeholder filled: {@code name}, {@code user-42}.
     *
     * @return the resolved resource; never blank
     */
    String resource();

    /**
     * The declaration this resource was made from: {@code name}, {@code user-{userId}}.
     *
     * @return the declared resource or template; never blank
     */
    String template();
}
