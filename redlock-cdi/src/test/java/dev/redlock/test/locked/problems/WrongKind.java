package dev.redlock.test.locked.problems;

import jakarta.enterprise.context.ApplicationScoped;

import dev.redlock.cdi.Locked;
import dev.redlock.test.locked.MetaRedlock;

@ApplicationScoped
public class WrongKind implements Runnable {

    @Override
    public void run() {
        counter();
        report(2026);
    }

    @Locked(meta = MetaRedlock.class, lock = "counter", isolate = true)
    public void counter() {
        Calls.COUNT.incrementAndGet();
    }

    @Locked(meta = MetaRedlock.class, lock = "report-{year}")
    public void report(int year) {
        Calls.COUNT.incrementAndGet();
    }
}
