package dev.redlock.api;

import org.jspecify.annotations.Nullable;

import dev.redlock.api.spi.KeyText;
import dev.redlock.api.spi.Limits;

/**
 * Checks the values that fill the placeholders of a resource template. The factories that
 * {@code redlock-meta-processor} generates call it, so a bad argument fails where the resource is built, with a
 * message naming the template and the placeholder.
 *
 * <p>A value must be non-empty, at most {@value #MAX_LENGTH} characters long, and free of control characters
 * (U+0000–U+001F, U+007F) and of braces, which Redis Cluster would read as a hash tag: the rule
 * {@link KeyText#PLACEHOLDER_VALUE}, which the other values that become part of a key share.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class ResourceArguments {

    /** The longest value a placeholder accepts, in UTF-16 characters. */
    public static final int MAX_LENGTH = Limits.MAX_VALUE_LENGTH;

    private ResourceArguments() {
    }

    /**
     * Returns {@code value} if it may fill {@code placeholder} of {@code template}.
     *
     * @param template    the template being filled, such as {@code user-{userId}}; for the message only
     * @param placeholder the placeholder name, such as {@code userId}; for the message only
     * @param value       the value to check
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is null, empty, longer than {@value #MAX_LENGTH}
     *         characters, or holds a control character or a brace
     */
    public static String check(String template, String placeholder, @Nullable String value) {
        String where = "resource template '" + template + "': placeholder {" + placeholder + "}";
        if (value == null) {
            throw new IllegalArgumentException(where + " must not be null");
        }
        return KeyText.PLACEHOLDER_VALUE.check(value, where);
    }
}
