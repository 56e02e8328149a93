/**
 * Redlock health checks for MicroProfile Health: readiness while a quorum of each client's nodes answers
 * {@code PING}, liveness that stays up. Switched on in a CDI application by being on the class path. Exports only
 * {@code dev.redlock.health}.
 */
@org.jspecify.annotations.NullMarked
module dev.redlock.health {
    requires transitive dev.redlock.core;
    requires transitive microprofile.health.api;
    // only in a CDI application
    requires static dev.redlock.cdi;
    requires static jakarta.cdi;
    requires static jakarta.inject;

    exports dev.redlock.health;
    // the container instantiates the checks and the extension reflectively
    opens dev.redlock.health;

    provides jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension
            with dev.redlock.health.HealthExtension;
}
