package dev.redlock.test.locked.problems;

import jakarta.enterprise.context.ApplicationScoped;

import dev.redlock.cdi.Locked;

@ApplicationScoped
public class NotAMeta implements Runnable {

    @Locked(meta = String.class, lock = "counter")
    @Override
    public void run() {
        Calls.COUNT.incrementAndGet();
    }
}
