package dev.redlock.api;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Per-call options of {@link BeanRedlockBase#lock lock}. Every component is optional: {@code null} means "as
 * configured". Immutable and thread-safe.
 *
 * <p>Build instances with {@link #builder()} or start from {@link #defaults()}; the canonical constructor gains
 * parameters as options are added.
 *
 * @param instance  the instance (tenant) name that becomes part of the key; {@code null} for none (key part
 *                  {@code ~}), empty for the empty instance (key part {@code -}); no control characters or braces
 * @param leaseTime how long the lock stays valid without extension; positive and at most 24 days, or
 *                  {@code null} for the configured lease time ({@code redlock.lease-time})
 * @param waitTime  how long to keep retrying before giving up with {@link LockAcquisitionException}; zero means
 *                  one attempt; {@code null} for the configured wait (by default: until granted)
 * @param client    the named Redis client ({@code redlock.clients.<name>}) to lock on; not blank, or
 *                  {@code null} for the meta's client
 * @since 0.1
 */
public record LockOptions(@Nullable String instance, @Nullable Duration leaseTime, @Nullable Duration waitTime,
        @Nullable String client) {

    private static final LockOptions DEFAULTS = new LockOptions(null, null, null, null);

    /**
     * Checks the components.
     *
     * @param instance  the instance (tenant) name that becomes part of the key
     * @param leaseTime how long the lock stays valid without extension
     * @param waitTime  how long to keep retrying before giving up with {@link LockAcquisitionException}
     * @param client    the named Redis client ({@code redlock.clients.<name>}) to lock on
     * @throws IllegalArgumentException if a component is out of range, naming it and its value
     */
    public LockOptions {
        Checks.keyPartOrNull(instance, "instance");
        Checks.leaseOrNull(leaseTime, "leaseTime");
        Checks.notNegativeOrNull(waitTime, "waitTime");
        Checks.notBlankOrNull(client, "client");
    }

    /**
     * Options that take everything from configuration.
     *
     * @return the shared default options
     */
    public static LockOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder with every option unset.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().instance(instance).leaseTime(leaseTime).waitTime(waitTime).client(client);
    }

    /**
     * These options with another instance name.
     *
     * @param instance the instance name, see {@link #instance()}
     * @return new options
     */
    public LockOptions withInstance(@Nullable String instance) {
        return toBuilder().instance(instance).build();
    }

    /**
     * These options with another lease time.
     *
     * @param leaseTime the lease time, see {@link #leaseTime()}
     * @return new options
     */
    public LockOptions withLeaseTime(@Nullable Duration leaseTime) {
        return toBuilder().leaseTime(leaseTime).build();
    }

    /**
     * These options with another wait time.
     *
     * @param waitTime the wait time, see {@link #waitTime()}
     * @return new options
     */
    public LockOptions withWaitTime(@Nullable Duration waitTime) {
        return toBuilder().waitTime(waitTime).build();
    }

    /** Builds {@link LockOptions}; not thread-safe. */
    public static final class Builder {
        private @Nullable String instance;
        private @Nullable Duration leaseTime;
        private @Nullable Duration waitTime;
        private @Nullable String client;

        private Builder() {
        }

        /**
         * Sets the instance name.
         *
         * @param instance see {@link LockOptions#instance()}
         * @return this builder
         */
        public Builder instance(@Nullable String instance) {
            this.instance = instance;
            return this;
        }

        /**
         * Sets the lease time.
         *
         * @param leaseTime see {@link LockOptions#leaseTime()}
         * @return this builder
         */
        public Builder leaseTime(@Nullable Duration leaseTime) {
            this.leaseTime = leaseTime;
            return this;
        }

        /**
         * Sets the wait time.
         *
         * @param waitTime see {@link LockOptions#waitTime()}
         * @return this builder
         */
        public Builder waitTime(@Nullable Duration waitTime) {
            this.waitTime = waitTime;
            return this;
        }

        /**
         * Sets the named client.
         *
         * @param client see {@link LockOptions#client()}
         * @return this builder
         */
        public Builder client(@Nullable String client) {
            this.client = client;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return new options
         * @throws IllegalArgumentException if an option is out of range, naming it and its value
         */
        public LockOptions build() {
            return new LockOptions(instance, leaseTime, waitTime, client);
        }
    }
}
