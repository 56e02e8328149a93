package dev.redlock.test.app.engines;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import dev.redlock.cdi.RedlockClient;
import dev.redlock.core.Redlock;

/** Injects the default client's engine and the engine of the client named {@code other}. */
@Dependent
public class EngineUser {

    @Inject
    Redlock defaultEngine;

    @Inject
    @RedlockClient("other")
    Redlock otherEngine;

    public Redlock defaultEngine() {
        return defaultEngine;
    }

    public Redlock otherEngine() {
        return otherEngine;
    }
}
