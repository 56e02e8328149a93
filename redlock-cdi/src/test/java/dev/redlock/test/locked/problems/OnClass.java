package dev.redlock.test.locked.problems;

import jakarta.enterprise.context.ApplicationScoped;

import dev.redlock.cdi.Locked;
import dev.redlock.test.locked.MetaRedlock;

@ApplicationScoped
@Locked(meta = MetaRedlock.class, lock = "counter")
public class OnClass implements Runnable {

    @Override
    public void run() {
        Calls.COUNT.incrementAndGet();
    }
}
