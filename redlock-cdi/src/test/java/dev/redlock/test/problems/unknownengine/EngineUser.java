package dev.redlock.test.problems.unknownengine;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import dev.redlock.cdi.RedlockClient;
import dev.redlock.core.Redlock;

/** Names a client nobody configured. */
@Dependent
public class EngineUser {

    @Inject
    @RedlockClient("orders")
    Redlock orders;
}
