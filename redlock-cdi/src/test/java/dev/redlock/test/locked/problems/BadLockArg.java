package dev.redlock.test.locked.problems;

import jakarta.enterprise.context.ApplicationScoped;

import dev.redlock.cdi.LockArg;
import dev.redlock.cdi.Locked;
import dev.redlock.test.locked.MetaRedlock;

@ApplicationScoped
public class BadLockArg implements Runnable {

    @Override
    public void run() {
        update("7");
    }

    @Locked(meta = MetaRedlock.class, lock = "user-{userId}")
    public void update(@LockArg("user") String userId) {
        Calls.COUNT.incrementAndGet();
    }
}
