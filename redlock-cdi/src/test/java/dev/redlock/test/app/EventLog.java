package dev.redlock.test.app;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;

import dev.redlock.cdi.InMeta;
import dev.redlock.cdi.InModule;
import dev.redlock.cdi.RedlockEvent;

/** Observes the lock events: every one synchronously, the demo-student ones by meta, and all asynchronously. */
@Singleton
public class EventLog {

    public final List<RedlockEvent> all = new CopyOnWriteArrayList<>();
    public final List<RedlockEvent> student = new CopyOnWriteArrayList<>();
    public final List<RedlockEvent> auth = new CopyOnWriteArrayList<>();
    public final BlockingQueue<RedlockEvent> async = new LinkedBlockingQueue<>();

    void onAny(@Observes RedlockEvent event) {
        all.add(event);
    }

    void onStudent(@Observes @InMeta("demo-student:redlock") RedlockEvent event) {
        student.add(event);
    }

    void onAuth(@Observes @InModule("a-auth") RedlockEvent event) {
        auth.add(event);
    }

    void onAsync(@ObservesAsync RedlockEvent event) {
        async.add(event);
    }
}
