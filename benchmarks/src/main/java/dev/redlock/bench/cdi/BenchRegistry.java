package dev.redlock.bench.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The meter registry bean that switches redlock-micrometer on in {@link CdiBench}: one per container. */
@ApplicationScoped
public class BenchRegistry {

    @Produces
    @Singleton
    MeterRegistry registry() {
        return new SimpleMeterRegistry();
    }
}
