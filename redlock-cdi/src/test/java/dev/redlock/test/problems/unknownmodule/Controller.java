package dev.redlock.test.problems.unknownmodule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.redlock.api.BeanRedlockBase;
import dev.redlock.cdi.InModule;

@ApplicationScoped
public class Controller {

    @Inject
    @InModule("no-such-module")
    BeanRedlockBase<?, ?> redlock;
}
