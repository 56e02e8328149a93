/**
 * Redlock metrics with Micrometer: {@link dev.redlock.micrometer.RedlockMetrics} binds meters to an engine; in a CDI
 * application with a {@code MeterRegistry} bean, every client's engine and every meta are bound by being on the
 * class path. Exports only {@code dev.redlock.micrometer}.
 */
@org.jspecify.annotations.NullMarked
module dev.redlock.micrometer {
    requires transitive dev.redlock.core;
    requires transitive micrometer.core;
    // only in a CDI application
    requires static dev.redlock.cdi;
    requires static jakarta.cdi;
    requires static jakarta.inject;
    requires static jakarta.annotation;

    exports dev.redlock.micrometer;
    // the container instantiates the bean and the extension reflectively
    opens dev.redlock.micrometer;

    provides jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension
            with dev.redlock.micrometer.MetricsExtension;
}
