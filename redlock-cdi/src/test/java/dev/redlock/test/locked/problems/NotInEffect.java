package dev.redlock.test.locked.problems;

import jakarta.enterprise.context.ApplicationScoped;

import dev.redlock.cdi.Locked;
import dev.redlock.test.locked.MetaRedlock;

@ApplicationScoped
public class NotInEffect implements Runnable {

    @Locked(meta = dev.redlock.test.app.off.MetaRedlock.class, lock = "name")
    @Override
    public void run() {
        Calls.COUNT.incrementAndGet();
    }
}
