package com.example.demo;

import java.lang.System.Logger.Level;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.redlock.cdi.InModule;
import dev.redlock.cdi.RedlockEvent;

/** Logs the locks of module demo-student that were lost: an observer of the lock events. */
@ApplicationScoped
public class LockAlerts {

    private static final System.Logger LOG = System.getLogger(LockAlerts.class.getName());

    // tag::events[]
    void onLockEvent(@Observes @InModule("demo-student") RedlockEvent event) {
        if (event.kind() == RedlockEvent.Kind.LOST) {
            LOG.log(Level.ERROR, "lock lost: " + event.meta() + " " + event.resource() + ": " + event.reason());
        }
    }
    // end::events[]
}
