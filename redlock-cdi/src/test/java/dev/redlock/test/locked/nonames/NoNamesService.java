package dev.redlock.test.locked.nonames;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import dev.redlock.cdi.LockArg;
import dev.redlock.cdi.Locked;
import dev.redlock.test.locked.MetaRedlock;

/** Compiled without -parameters: the placeholder is mapped with @LockArg. */
@ApplicationScoped
public class NoNamesService {

    // tag::lockarg[]
    @Locked(meta = MetaRedlock.class, lock = "user-{userId}")
    public String update(CountDownLatch entered, @LockArg("userId") String id, CountDownLatch release)
            throws InterruptedException {
        // end::lockarg[]
        entered.countDown();
        return release.await(30, TimeUnit.SECONDS) ? "updated " + id : "timed out";
    }
}
