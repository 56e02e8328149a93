package dev.redlock.test.locked.problems;

import jakarta.enterprise.context.ApplicationScoped;

import dev.redlock.cdi.Locked;
import dev.redlock.test.locked.MetaRedlock;

@ApplicationScoped
public class Undeclared implements Runnable {

    @Locked(meta = MetaRedlock.class, lock = "nope")
    @Override
    public void run() {
        Calls.COUNT.incrementAndGet();
    }
}
