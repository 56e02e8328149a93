package dev.redlock.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.redlock.api.spi.KeyText;
import dev.redlock.api.spi.Limits;

/**
 * Argument checks shared by the builder and the engine. Every message names the argument and shows the bad value,
 * except that control characters are given by code point and index, never printed: a key such as {@code "a\nb"}
 * must not be able to forge a line in a log. The text and duration rules are the API's ({@link KeyText},
 * {@link Limits}), shared with the option records and the CDI configuration.
 */
public final class Args {

    /** The longest key, in UTF-16 characters, before the key prefix is added. */
    public static final int MAX_KEY_LENGTH = Limits.MAX_KEY_LENGTH;
    /** The longest key prefix, in UTF-16 characters. */
    public static final int MAX_PREFIX_LENGTH = Limits.MAX_VALUE_LENGTH;
    private static final Duration ONE_MS = Duration.ofMillis(1);

    private Args() {
    }

    /**
     * Checks a key, a key prefix or a pattern: not null, at most {@code max} characters, no control character.
     *
     * @param value the value
     * @param name  the argument's name for the message, such as {@code keys[0]}
     * @param max   the longest value allowed
     * @return {@code value}
     */
    public static String text(String value, String name, int max) {
        return KeyText.engine(max).check(value, name);
    }

    /**
     * Checks a duration that must be at least 1 ms and at most {@link Limits#MAX_DURATION}.
     *
     * @param d    the duration
     * @param name the argument's name
     * @return the duration in milliseconds
     */
    public static long positiveMillis(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.compareTo(ONE_MS) < 0) {
            throw new IllegalArgumentException(name + " must be positive (at least 1 ms), was " + d);
        }
        return notTooLong(d, name);
    }

    /**
     * Checks a duration that must be zero or more and at most {@link Limits#MAX_DURATION}.
     *
     * @param d    the duration
     * @param name the argument's name
     * @return the duration in milliseconds
     */
    public static long notNegativeMillis(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + d);
        }
        return notTooLong(d, name);
    }

    /**
     * Opens a trust or key store, so that a wrong location, type or password fails at {@code build()}, naming the
     * setting and the location, never the password.
     *
     * @param location the store, or {@code null} for none
     * @param password its password, or {@code null}
     * @param name     the setting's name
     */
    public static void store(@Nullable URL location, @Nullable String password, String name) {
        if (location == null) {
            return;
        }
        try (InputStream in = location.openStream()) {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType()); // PKCS12; reads JKS too
            ks.load(in, password == null ? null : password.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            throw new IllegalArgumentException(name + " cannot be opened from " + location + " (" + why
                    + "); give a PKCS12 or JKS store and its password");
        }
    }

    private static long notTooLong(Duration d, String name) {
        String tooLong = Limits.tooLong(d);
        if (tooLong != null) {
            throw new IllegalArgumentException(name + " " + tooLong + ", was " + d);
        }
        return d.toMillis();
    }
}
