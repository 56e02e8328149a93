/**
 * The public contract of Redlock for Jakarta CDI: annotations, {@code BeanRedlockBase}, resources, options,
 * sessions, exceptions and the inspect model. No Redis client and no CDI runtime.
 */
@org.jspecify.annotations.NullMarked
module dev.redlock.api {
    requires static jakarta.cdi;
    requires static jakarta.inject;
    requires transitive org.jspecify;

    exports dev.redlock.api;
    exports dev.redlock.api.spi;
}
