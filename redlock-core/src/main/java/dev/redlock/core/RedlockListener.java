package dev.redlock.core;

/**
 * Receives {@link LockEvent}s: the hook for metrics and logging. Called synchronously on engine threads, so
 * implementations must be fast and must not block; an exception thrown by a listener is logged and ignored.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface RedlockListener {

    /**
     * Called for every event.
     *
     * @param event the event; never {@code null}
     */
    void onEvent(LockEvent event);
}
