package dev.redlock.test.app.student;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.redlock.api.BeanRedlockBase;
import dev.redlock.api.RedlockResource;
import dev.redlock.cdi.InModule;
import dev.redlock.test.app.Counter;
import dev.redlock.test.app.Res;

@ApplicationScoped
public class StudentController {

    @Inject
    MetaRedlock redlock;

    @Inject
    BeanRedlockBase<?, ?> own;

    @Inject
    @InModule("a-auth")
    BeanRedlockBase<RedlockResource, RedlockResource> auth;

    private final Counter counter = new Counter();

    public int increment() {
        return redlock.lock(Res.COUNTER, counter::increment);
    }

    public String touchAuth() {
        return auth.lock(Res.SESSION, () -> "auth-locked");
    }

    public int counter() {
        return counter.value();
    }

    public BeanRedlockBase<?, ?> own() {
        return own;
    }

    public BeanRedlockBase<?, ?> auth() {
        return auth;
    }

    public MetaRedlock redlock() {
        return redlock;
    }
}
