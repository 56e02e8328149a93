package dev.redlock.test.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The application's meter registry, one per container: what switches redlock-micrometer on. */
@ApplicationScoped
public class Registry {

    @Produces
    @Singleton
    MeterRegistry registry() {
        return new SimpleMeterRegistry();
    }
}
