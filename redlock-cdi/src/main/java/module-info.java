/**
 * Redlock for Jakarta CDI: the build-compatible extension, configuration, lifecycle and inspect. Exports only
 * {@code dev.redlock.cdi}.
 */
@org.jspecify.annotations.NullMarked
module dev.redlock.cdi {
    requires transitive dev.redlock.api;
    // Onion.RedlockService.engines() hands the engines to the observability modules
    requires transitive dev.redlock.core;
    // provided by the container at run time; part of the API (BuildCompatibleExtension, AnnotationLiteral, @Qualifier)
    requires static transitive jakarta.cdi;
    requires static transitive jakarta.inject;
    requires static transitive jakarta.interceptor; // @Locked is an @InterceptorBinding
    requires static jakarta.annotation; // @Priority of the interceptor
    requires transitive io.smallrye.config;
    requires java.logging;

    exports dev.redlock.cdi;
    // SmallRye Config implements the RedlockConfig mapping with a generated class
    opens dev.redlock.cdi to io.smallrye.config;

    provides jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension
            with dev.redlock.cdi.RedlockExtension;
    // the container instantiates the creators of the synthetic beans reflectively
    opens dev.redlock.cdi.internal;
}
