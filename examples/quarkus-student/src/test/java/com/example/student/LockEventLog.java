package com.example.student;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;

import dev.redlock.cdi.InMeta;
import dev.redlock.cdi.RedlockEvent;

/** The tests' observer of the demo-student meta's lock events, synchronous and asynchronous. */
@Singleton
public class LockEventLog {

    /** What the synchronous observer saw. */
    final List<RedlockEvent> events = new CopyOnWriteArrayList<>();
    /** What the asynchronous observer saw. */
    final BlockingQueue<RedlockEvent> async = new LinkedBlockingQueue<>();

    void onEvent(@Observes @InMeta("demo-student:redlock") RedlockEvent event) {
        events.add(event);
    }

    void onEventAsync(@ObservesAsync @InMeta("demo-student:redlock") RedlockEvent event) {
        async.add(event);
    }
}
