package dev.redlock.api;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** Argument checks shared by the records of this package; messages name the argument and show the bad value. */
final class Checks {

    private Checks() {
    }

    /** The longest lease the engine takes: TTLs fit a signed 32-bit count of milliseconds. */
    static final Duration MAX_LEASE = Duration.ofDays(24);

    static void positiveOrNull(@Nullable Duration value, String name) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    static void leaseOrNull(@Nullable Duration value, String name) {
        positiveOrNull(value, name);
        if (value != null && value.compareTo(MAX_LEASE) > 0) {
            throw new IllegalArgumentException(name + " must be at most 24 days (" + MAX_LEASE + "), was " + value);
        }
    }

    static void notNegativeOrNull(@Nullable Duration value, String name) {
        if (value != null && value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }

    static void notBlankOrNull(@Nullable String value, String name) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank, was '" + value + "'; use null for the default");
        }
    }

    /** A name that becomes part of a Redis key: printable, no braces, bounded. Empty is allowed. */
    static void keyPartOrNull(@Nullable String value, String name) {
        if (value == null) {
            return;
        }
        if (value.length() > ResourceArguments.MAX_LENGTH) {
            throw new IllegalArgumentException(name + " must be at most " + ResourceArguments.MAX_LENGTH
                    + " characters, was " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '{' || c == '}') {
                throw new IllegalArgumentException(name + " must not contain control characters or braces, found U+"
                        + String.format("%04X", (int) c) + " at index " + i);
            }
        }
    }
}
