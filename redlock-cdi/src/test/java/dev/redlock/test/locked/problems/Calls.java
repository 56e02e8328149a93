package dev.redlock.test.locked.problems;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;

/**
 * Calls every {@link Runnable} bean as soon as the container starts, before the library's own start observer: if a
 * binding were checked only at its first call, the call would run here (and lock, or fail with another code).
 */
@ApplicationScoped
public class Calls {

    /** How many locked bodies ran. */
    public static final AtomicInteger COUNT = new AtomicInteger();

    void callEarly(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Startup startup,
            Instance<Runnable> beans) {
        beans.forEach(Runnable::run);
    }
}
