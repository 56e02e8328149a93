package dev.redlock.test.problems.isolations;

import jakarta.enterprise.context.ApplicationScoped;

import org.jspecify.annotations.Nullable;

import dev.redlock.api.LockedSupplier;
import dev.redlock.api.spi.DatasourceIsolation;

@ApplicationScoped
public class SecondIsolation implements DatasourceIsolation {

    @Override
    public void checkDatasource(@Nullable String datasource) {
    }

    @Override
    public <T, E extends Exception> T runIsolated(@Nullable String datasource, LockedSupplier<T, E> fn) throws E {
        return fn.get();
    }
}
