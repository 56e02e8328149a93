package dev.redlock.cdi.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import dev.redlock.api.LockAcquisitionException;
import dev.redlock.cdi.RedlockEvent;
import dev.redlock.core.Lock;
import dev.redlock.core.LockEvent;
import dev.redlock.core.RedlockListener;

/**
 * Turns the engines' {@link LockEvent}s into {@link RedlockEvent}s. An engine event names only keys and a lock id,
 * so the meta bean's call registers what it locks ({@link #enter}) before the engine sees the keys: a failed
 * acquisition finds the call by its keys, and the lock's later events (extended, extension failed, lost, released)
 * find it by the lock id, registered when the function starts ({@link #acquired}) and forgotten on release, on loss
 * and when the call ends. {@code ACQUIRED} is fired by {@link #acquired}, not from the engine's event: the engine
 * tells of a grant once every node has answered, which may be after the caller ran and released, and observers
 * must see a session's events in order. Engine events of no meta call (the injected engine used directly) and node
 * errors are not turned into CDI events. Thread-safe.
 */
final class LockEvents implements RedlockListener {

    private static final System.Logger LOG = System.getLogger("dev.redlock.cdi");
    /** Where the engine's {@code LockLostException} message says why: {@code RL10nn: Lock[k]: lost: why; ...}. */
    private static final String LOST_MARK = ": lost: ";

    /**
     * What a meta bean's call locks.
     *
     * @param client   the client
     * @param module   the module
     * @param meta     the meta's full name
     * @param resource the declared resource(s), joined by {@code ,}
     */
    record Call(String client, String module, String meta, String resource) {
    }

    /** The calls in progress by keys, with how many calls use the same keys. */
    private final Map<List<String>, Entered> entered = new ConcurrentHashMap<>();
    private final Map<String, Call> byLockId = new ConcurrentHashMap<>();
    private final Consumer<RedlockEvent> sink;

    /**
     * Events for {@code sink}.
     *
     * @param sink fires the CDI event; must be fast, and whatever it throws is the engine's to log
     */
    LockEvents(Consumer<RedlockEvent> sink) {
        this.sink = sink;
    }

    private record Entered(Call call, int count) {
    }

    /**
     * Registers a call before it locks {@code keys}; {@link #leave} ends it.
     *
     * @param keys the keys
     * @param call the call
     */
    void enter(List<String> keys, Call call) {
        entered.merge(keys, new Entered(call, 1), (a, b) -> new Entered(a.call(), a.count() + 1));
    }

    /**
     * Ends a call: forgets its keys (unless another call uses them) and its lock id.
     *
     * @param keys   the keys
     * @param lockId the id of its lock, or {@code null} if it got none
     */
    void leave(List<String> keys, @Nullable String lockId) {
        entered.computeIfPresent(keys, (k, e) -> e.count() == 1 ? null : new Entered(e.call(), e.count() - 1));
        if (lockId != null) {
            byLockId.remove(lockId);
        }
    }

    /**
     * Fires {@code ACQUIRED} for a lock granted to a call, and follows its later events; called when the function
     * starts, before it runs.
     *
     * @param lock       the granted lock
     * @param call       the call
     * @param startNanos when the call started to wait, on the {@link System#nanoTime()} clock
     */
    void acquired(Lock lock, Call call, long startNanos) {
        byLockId.put(lock.id(), call);
        sink.accept(new RedlockEvent(RedlockEvent.Kind.ACQUIRED, call.client(), call.module(), call.meta(),
                call.resource(), String.join(",", lock.keys()), lock.id(), lock.fencingToken(),
                Duration.ofNanos(System.nanoTime() - startNanos), null, null));
    }

    @Override
    public void onEvent(LockEvent event) {
        if (event.type() == LockEvent.Type.LOST) {
            LOG.log(Level.WARNING, "redlock: lock lost: " + event.keys() + ": " + event.error());
        } else if (LOG.isLoggable(Level.DEBUG)) { // the other engine events at DEBUG, built only when it is on
            LOG.log(Level.DEBUG, "redlock: " + event.type() + " " + event.keys() + " lock " + event.lockId()
                    + " fence " + event.fencingToken() + " after " + event.elapsed().toMillis() + " ms; votes "
                    + event.votes() + (event.error() == null ? "" : "; " + event.error()));
        }
        Call call = switch (event.type()) {
            case ACQUIRED, NODE_ERROR -> null; // ACQUIRED: see acquired(..)
            case ACQUISITION_FAILED -> byKeys(event);
            case EXTENDED, EXTENSION_FAILED -> byLockIdOrKeys(byLockId.get(event.lockId()), event);
            case RELEASED, LOST -> byLockIdOrKeys(byLockId.remove(event.lockId()), event);
        };
        if (call != null) {
            sink.accept(toCdi(event, call));
        }
    }

    private @Nullable Call byKeys(LockEvent event) {
        Entered e = entered.get(event.keys());
        return e == null ? null : e.call();
    }

    /** The lock's call; by its keys when the event came before the function started (a very short lease). */
    private @Nullable Call byLockIdOrKeys(@Nullable Call byId, LockEvent event) {
        return byId != null ? byId : byKeys(event);
    }

    private static RedlockEvent toCdi(LockEvent event, Call call) {
        RedlockEvent.Kind kind = RedlockEvent.Kind.valueOf(event.type().name());
        Throwable error = event.error();
        return new RedlockEvent(kind, call.client(), call.module(), call.meta(), call.resource(),
                String.join(",", event.keys()), event.lockId(), event.fencingToken(), event.elapsed(),
                reason(kind, error), error);
    }

    private static @Nullable String reason(RedlockEvent.Kind kind, @Nullable Throwable error) {
        return switch (kind) {
            case ACQUISITION_FAILED -> error instanceof LockAcquisitionException e
                    ? e.reason().name()
                    : error == null ? null : error.getClass().getSimpleName();
            case LOST -> error == null ? "lost" : lostWhy(shortText(error));
            case EXTENSION_FAILED -> error == null ? "no quorum extended the lock" : shortText(error);
            default -> null;
        };
    }

    /** Why a lock was lost, without the keys the engine's message starts with. */
    private static String lostWhy(String message) {
        int at = message.indexOf(LOST_MARK);
        if (at < 0) {
            return message;
        }
        String why = message.substring(at + LOST_MARK.length());
        int end = why.indexOf("; ");
        return end < 0 ? why : why.substring(0, end);
    }

    /** The first line of the error's message, or its class name. */
    private static String shortText(Throwable error) {
        String m = error.getMessage();
        if (m == null || m.isBlank()) {
            return error.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
