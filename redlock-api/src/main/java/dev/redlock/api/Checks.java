package dev.redlock.api;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.redlock.api.spi.KeyText;
import dev.redlock.api.spi.Limits;

/** Argument checks shared by the records of this package; messages name the argument and show the bad value. */
final class Checks {

    private Checks() {
    }

    static void positiveOrNull(@Nullable Duration value, String name) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    static void leaseOrNull(@Nullable Duration value, String name) {
        positiveOrNull(value, name);
        String tooLong = value == null ? null : Limits.tooLong(value);
        if (tooLong != null) {
            throw new IllegalArgumentException(name + " " + tooLong + ", was " + value);
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

    /** A name that becomes part of a Redis key: see {@link KeyText#INSTANCE}. Empty is allowed. */
    static void keyPartOrNull(@Nullable String value, String name) {
        if (value != null) {
            KeyText.INSTANCE.check(value, name);
        }
    }
}
