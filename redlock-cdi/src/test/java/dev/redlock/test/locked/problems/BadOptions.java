package dev.redlock.test.locked.problems;

import jakarta.enterprise.context.ApplicationScoped;

import dev.redlock.cdi.Locked;
import dev.redlock.test.locked.MetaRedlock;

@ApplicationScoped
public class BadOptions implements Runnable {

    @Override
    public void run() {
        badWait();
        zeroLease();
        badInstance();
    }

    @Locked(meta = MetaRedlock.class, lock = "counter", waitTime = "5 seconds")
    public void badWait() {
        Calls.COUNT.incrementAndGet();
    }

    @Locked(meta = MetaRedlock.class, lock = "counter", leaseTime = "0s")
    public void zeroLease() {
        Calls.COUNT.incrementAndGet();
    }

    @Locked(meta = MetaRedlock.class, lock = "counter", instance = "a{b")
    public void badInstance() {
        Calls.COUNT.incrementAndGet();
    }
}
