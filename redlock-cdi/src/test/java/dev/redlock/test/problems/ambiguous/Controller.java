package dev.redlock.test.problems.ambiguous;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.redlock.api.BeanRedlockBase;

@ApplicationScoped
public class Controller {

    @Inject
    BeanRedlockBase<?, ?> redlock;
}
