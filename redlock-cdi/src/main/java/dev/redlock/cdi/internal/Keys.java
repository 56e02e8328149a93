package dev.redlock.cdi.internal;

import org.jspecify.annotations.Nullable;

/**
 * The Redis key of a resource, VonaJS's format: {@code {prefix}{instance}:{module}.{resource}}, where the instance
 * part is {@code ~} for no instance, {@code -} for the empty instance name, else the name; e.g.
 * {@code redlock_demo_local:~:demo-student.user-42}.
 */
public final class Keys {

    /** The instance part when there is no instance. */
    public static final String NO_INSTANCE = "~";
    /** The instance part for the empty instance name. */
    public static final String EMPTY_INSTANCE = "-";

    private Keys() {
    }

    /**
     * The key of a resource.
     *
     * @param prefix   the key prefix, with its trailing separator ({@code redlock_demo_local:})
     * @param instance the instance name, or {@code null}
     * @param module   the module name
     * @param resource the resolved resource
     * @return the key
     */
    public static String key(String prefix, @Nullable String instance, String module, String resource) {
        return prefix + instancePart(instance) + ":" + module + "." + resource;
    }

    /**
     * The instance part of a key.
     *
     * @param instance the instance name, or {@code null}
     * @return {@code ~}, {@code -} or the name
     */
    public static String instancePart(@Nullable String instance) {
        if (instance == null) {
            return NO_INSTANCE;
        }
        return instance.isEmpty() ? EMPTY_INSTANCE : instance;
    }

    /**
     * A Redis glob pattern matching every key that starts with {@code prefix}.
     *
     * @param prefix the literal prefix
     * @return the pattern, with glob characters in the prefix escaped
     */
    public static String globFor(String prefix) {
        StringBuilder sb = new StringBuilder(prefix.length() + 2);
        for (char c : prefix.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('*').toString();
    }
}
