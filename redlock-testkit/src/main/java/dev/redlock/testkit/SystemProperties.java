package dev.redlock.testkit;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Sets system properties for the duration of one action, then puts the previous values back: how a test hands
 * configuration to something that reads it once, at start-up (a CDI container with the redlock extension, say),
 * without leaking it into the tests that follow. Not for tests that run in parallel in one JVM: system properties are
 * global.
 *
 * @since 0.2
 */
public final class SystemProperties {

    private SystemProperties() {
    }

    /**
     * Runs {@code action} with {@code props} set as system properties, and restores the previous values (or removes
     * the properties that were absent) when it returns or throws.
     *
     * @param <T>    what the action returns
     * @param props  the properties; must not be {@code null}
     * @param action the action; must not be {@code null}
     * @return what {@code action} returned
     * @throws NullPointerException if {@code props}, a key or value in it, or {@code action} is null
     */
    public static <T> T during(Map<String, String> props, Supplier<T> action) {
        Objects.requireNonNull(action, "action");
        Map<String, String> previous = new HashMap<>();
        try {
            props.forEach((k, v) -> previous.put(k, System.setProperty(k, v)));
            return action.get();
        } finally {
            previous.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }
}
