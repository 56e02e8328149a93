package dev.redlock.test.datasource;

import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The configuration that {@code ConfigProvider.getConfig()} returns inside a test's container. */
final class AppConfig {

    private AppConfig() {
    }

    /** Registers {@code properties} for the calling thread's class loader, replacing what an earlier test left. */
    static void register(Map<String, String> properties) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        resolver.releaseConfig(resolver.getConfig(loader));
        resolver.registerConfig(
                new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 500)).build(),
                loader);
    }

    /** Releases the registered configuration. */
    static void release() {
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        resolver.releaseConfig(resolver.getConfig(Thread.currentThread().getContextClassLoader()));
    }
}
