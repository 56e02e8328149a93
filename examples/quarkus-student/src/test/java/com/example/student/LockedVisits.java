package com.example.student;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.redlock.cdi.Locked;

/** Counts visits per user under the user's isolated lock: a plain map, safe only while the lock is held. */
@ApplicationScoped
public class LockedVisits {

    private final Map<String, Integer> visits = new HashMap<>();

    /**
     * Adds one visit of {@code userId}, running {@code whileLocked} before returning.
     *
     * @param userId      the user; fills {@code {userId}}
     * @param whileLocked runs while the lock is held
     * @return the user's visits
     */
    // tag::locked[]
    @Locked(meta = MetaRedlock.class, lock = "user-{userId}", isolate = true)
    public int visit(String userId, Runnable whileLocked) {
        int read = visits.getOrDefault(userId, 0); // safe: one caller per user at a time, across every instance
        Thread.yield();
        visits.put(userId, read + 1);
        whileLocked.run();
        return read + 1;
    }
    // end::locked[]
}
