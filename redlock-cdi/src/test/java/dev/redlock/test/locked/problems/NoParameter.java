package dev.redlock.test.locked.problems;

import jakarta.enterprise.context.ApplicationScoped;

import dev.redlock.cdi.Locked;
import dev.redlock.test.locked.MetaRedlock;

@ApplicationScoped
public class NoParameter implements Runnable {

    @Override
    public void run() {
        update("7");
    }

    @Locked(meta = MetaRedlock.class, lock = "user-{userId}")
    public void update(String id) {
        Calls.COUNT.incrementAndGet();
    }
}
