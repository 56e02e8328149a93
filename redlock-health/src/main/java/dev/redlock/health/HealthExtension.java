package dev.redlock.health;

import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.Discovery;
import jakarta.enterprise.inject.build.compatible.spi.ScannedClasses;

/**
 * Adds the health checks to a CDI application that has this module on its class path (Weld and Quarkus ArC alike,
 * found through {@code META-INF/services}); MicroProfile Health (SmallRye Health) then reports them. With discovery
 * disabled (Weld SE tests) add it with {@code addBuildCompatibleExtensions(HealthExtension.class)}.
 *
 * @since 0.2
 */
public class HealthExtension implements BuildCompatibleExtension {

    /** Created by the container through {@code META-INF/services}. */
    public HealthExtension() {
    }

    /**
     * Adds {@link RedlockReadinessCheck} and {@link RedlockLivenessCheck}.
     *
     * @param scan the classes to discover
     */
    @Discovery
    public void discover(ScannedClasses scan) {
        scan.add(RedlockReadinessCheck.class.getName());
        scan.add(RedlockLivenessCheck.class.getName());
    }
}
