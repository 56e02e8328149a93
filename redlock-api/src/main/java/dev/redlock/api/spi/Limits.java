package dev.redlock.api.spi;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The bounds every module of Redlock enforces on what a user passes in, kept in one place so that the API's option
 * records, the engine's builder and arguments, and the CDI configuration all accept and refuse the same values.
 *
 * <p>Service-provider interface: public so that {@code redlock-core}, {@code redlock-cdi} and
 * {@code redlock-meta-processor} share it; applications use the documented constants of {@code LockOptions},
 * {@code ResourceArguments} and {@code Redlock} instead. May change between minor releases. Stateless and
 * thread-safe.
 *
 * @since 0.1
 */
public final class Limits {

    /**
     * The longest duration any setting or call accepts (leases, waits, timeouts, delays): 24 days, so that every one
     * fits a signed 32-bit count of milliseconds, which is what Redis and the Lua scripts compute with.
     */
    public static final Duration MAX_DURATION = Duration.ofDays(24);

    /** The longest value of one key part (a placeholder value, an instance name, a key prefix), in UTF-16 units. */
    public static final int MAX_VALUE_LENGTH = 256;

    /** The longest resource key, in UTF-16 units, before the engine's key prefix is added. */
    public static final int MAX_KEY_LENGTH = 1_024;

    private Limits() {
    }

    /**
     * Why {@code d} is longer than {@link #MAX_DURATION}, as the end of a message naming the value
     * ({@code "must be at most 24 days (PT576H)"}), or {@code null} if it is not.
     *
     * @param d the duration; must not be {@code null}
     * @return the reason, or {@code null}
     */
    public static @Nullable String tooLong(Duration d) {
        return d.compareTo(MAX_DURATION) > 0 ? "must be at most 24 days (" + MAX_DURATION + ")" : null;
    }
}
