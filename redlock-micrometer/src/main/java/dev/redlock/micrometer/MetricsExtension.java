package dev.redlock.micrometer;

import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.Discovery;
import jakarta.enterprise.inject.build.compatible.spi.ScannedClasses;

/**
 * Adds {@link CdiMetrics} to a CDI application that has this module on its class path (Weld and Quarkus ArC alike,
 * found through {@code META-INF/services}); it binds the meters when the application has a {@code MeterRegistry}
 * bean and does nothing otherwise. With discovery disabled (Weld SE tests) add it with
 * {@code addBuildCompatibleExtensions(MetricsExtension.class)}.
 *
 * @since 0.2
 */
public class MetricsExtension implements BuildCompatibleExtension {

    /** Created by the container through {@code META-INF/services}. */
    public MetricsExtension() {
    }

    /**
     * Adds {@link CdiMetrics}.
     *
     * @param scan the classes to discover
     */
    @Discovery
    public void discover(ScannedClasses scan) {
        scan.add(CdiMetrics.class.getName());
    }
}
