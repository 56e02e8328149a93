package dev.redlock.api.spi;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The one check of text that becomes part of a Redis key: a placeholder value, a resolved resource, an instance
 * name, an engine key or key prefix. Each caller picks the rule of its value; the reasons read the same everywhere:
 *
 * <ul>
 * <li>no control character (U+0000–U+001F, U+007F), given by code point and index and never printed, so that a
 * value such as {@code "a\nb"} cannot forge a line in a log;</li>
 * <li>at most {@link #maxLength()} UTF-16 units;</li>
 * <li>not empty, unless {@link #emptyAllowed()};</li>
 * <li>no brace, unless {@link #bracesAllowed()}: Redis Cluster reads {@code {...}} in a key as a hash tag, so a
 * value must not be able to choose the slot of the key it is part of. The engine's own keys allow braces on
 * purpose (a multi-resource lock on Redis Cluster needs one hash tag).</li>
 * </ul>
 *
 * <p>Service-provider interface: public so that {@code redlock-api}, {@code redlock-core} and {@code redlock-cdi}
 * share it; applications do not use it directly. May change between minor releases. Immutable and thread-safe.
 *
 * @param maxLength     the longest value allowed, in UTF-16 units; positive
 * @param emptyAllowed  whether the empty string is allowed
 * @param bracesAllowed whether braces are allowed
 * @since 0.1
 */
public record KeyText(int maxLength, boolean emptyAllowed, boolean bracesAllowed) {

    /** A value filling a placeholder of a resource template: not empty, no braces, {@link Limits#MAX_VALUE_LENGTH}. */
    public static final KeyText PLACEHOLDER_VALUE = new KeyText(Limits.MAX_VALUE_LENGTH, false, false);
    /** An instance (tenant) name: may be empty, no braces, {@link Limits#MAX_VALUE_LENGTH}. */
    public static final KeyText INSTANCE = new KeyText(Limits.MAX_VALUE_LENGTH, true, false);
    /** A resolved resource as the CDI layer puts it into a key: not empty, no braces, {@link Limits#MAX_KEY_LENGTH}. */
    public static final KeyText RESOURCE = new KeyText(Limits.MAX_KEY_LENGTH, false, false);

    /**
     * Checks the rule itself.
     *
     * @param maxLength     the longest text allowed, in characters; positive
     * @param emptyAllowed  whether the empty string is allowed
     * @param bracesAllowed whether braces are allowed
     * @throws IllegalArgumentException if {@code maxLength} is not positive
     */
    public KeyText {
        if (maxLength <= 0) {
            throw new IllegalArgumentException("maxLength must be positive, was " + maxLength);
        }
    }

    /**
     * A rule for the engine's keys, prefixes, patterns and URIs: may be empty, braces allowed.
     *
     * @param maxLength the longest value allowed; positive
     * @return the rule
     */
    public static KeyText engine(int maxLength) {
        return new KeyText(maxLength, true, true);
    }

    /**
     * Why {@code value} breaks this rule, as the end of a message that names the value
     * ({@code "must not contain control characters, found U+000A at index 3"}), or {@code null} if it does not.
     *
     * @param value the value; must not be {@code null}
     * @return the reason, or {@code null}
     */
    public @Nullable String problem(String value) {
        if (value.isEmpty() && !emptyAllowed) {
            return "must not be empty";
        }
        if (value.length() > maxLength) {
            return "must be at most " + maxLength + " characters, was " + value.length();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "must not contain control characters, found " + codePoint(c) + " at index " + i;
            }
            if (!bracesAllowed && (c == '{' || c == '}')) {
                return "must not contain '" + c + "' (Redis Cluster reads braces as a hash tag), found at index " + i;
            }
        }
        return null;
    }

    /**
     * Returns {@code value} if it follows this rule.
     *
     * @param value the value
     * @param name  how a message names the value, such as {@code keys[0]} or {@code instance}
     * @return {@code value}
     * @throws NullPointerException     if {@code value} is {@code null}
     * @throws IllegalArgumentException if it breaks this rule; the message is {@code name} followed by the reason
     */
    public String check(@Nullable String value, String name) {
        Objects.requireNonNull(value, name);
        String why = problem(value);
        if (why != null) {
            throw new IllegalArgumentException(name + " " + why);
        }
        return value;
    }

    /**
     * A character as messages name it: {@code U+000A}.
     *
     * @param c the character
     * @return its code point in the {@code U+XXXX} form
     */
    public static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
