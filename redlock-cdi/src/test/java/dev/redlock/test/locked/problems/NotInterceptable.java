package dev.redlock.test.locked.problems;

import jakarta.enterprise.context.ApplicationScoped;

import dev.redlock.cdi.Locked;
import dev.redlock.test.locked.MetaRedlock;

/** Methods the container cannot intercept: they would run without the lock. Not called early: they would run. */
@ApplicationScoped
public class NotInterceptable {

    @Locked(meta = MetaRedlock.class, lock = "counter")
    private void hidden() {
        Calls.COUNT.incrementAndGet();
    }

    @Locked(meta = MetaRedlock.class, lock = "counter")
    public static void shared() {
        Calls.COUNT.incrementAndGet();
    }

    public void both() {
        hidden();
        shared();
    }
}
