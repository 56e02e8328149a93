package dev.redlock.test.locked.nonames;

import jakarta.enterprise.context.ApplicationScoped;

import dev.redlock.cdi.Locked;
import dev.redlock.test.locked.MetaRedlock;
import dev.redlock.test.locked.problems.Calls;

/** Compiled without -parameters, relying on the name: RL2044 with the hint to compile with -parameters. */
@ApplicationScoped
public class ByNameWithoutNames implements Runnable {

    @Override
    public void run() {
        update("7");
    }

    @Locked(meta = MetaRedlock.class, lock = "user-{userId}")
    public void update(String userId) {
        Calls.COUNT.incrementAndGet();
    }
}
