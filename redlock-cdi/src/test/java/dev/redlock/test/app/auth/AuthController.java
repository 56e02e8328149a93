package dev.redlock.test.app.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.redlock.api.BeanRedlockBase;
import dev.redlock.test.app.Counter;
import dev.redlock.test.app.Res;

@ApplicationScoped
public class AuthController {

    @Inject
    MetaRedlock redlock;

    @Inject
    BeanRedlockBase<?, ?> own;

    private final Counter counter = new Counter();

    public int increment() {
        return redlock.lock(Res.COUNTER, counter::increment);
    }

    public int counter() {
        return counter.value();
    }

    public BeanRedlockBase<?, ?> own() {
        return own;
    }
}
