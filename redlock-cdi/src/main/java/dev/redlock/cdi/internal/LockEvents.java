package dev.redlock.cdi.internal;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import dev.redlock.api.LockAcquisitionException;
import dev.redlock.cdi.RedlockEvent;
import dev.redlock.core.LockEvent;
import dev.redlock.core.RedlockListener;

/**
 * Turns the engines' {@link LockEvent}s into {@link RedlockEvent}s. An engine event names only keys and a lock id,
 * so the meta bean's call registers what it locks ({@link #enter}) before the engine sees the keys: the grant or the
 * failure finds the call by its keys, and the grant's later events (extended, extension failed, lost, released)
 * find it by the lock id. The engine fires {@code ACQUIRED} once every node answered the grant, which may be after
 * the call ended and even after its {@code RELEASED}: so the call also registers its lock id as soon as it holds the
 * lock ({@link #granted}), and the id is forgotten once both its {@code ACQUIRED} and its end (released, lost) came.
 * Engine events of no meta call (the injected engine used directly) and node errors are not turned into CDI events.
 * Thread-safe.
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
    /** The granted calls by lock id, until both the grant's ACQUIRED and its end came. */
    private final Map<String, Granted> byLockId = new ConcurrentHashMap<>();
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

    private record Granted(Call call, boolean acquired, boolean ended) {
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
     * Ends a call: forgets its keys, unless another call uses them. Its lock id stays until the engine told of both
     * its grant and its end, which may come after the call returned.
     *
     * @param keys the keys
     */
    void leave(List<String> keys) {
        entered.computeIfPresent(keys, (k, e) -> e.count() == 1 ? null : new Entered(e.call(), e.count() - 1));
    }

    /**
     * A call holds the lock {@code lockId} now: its events find the call by the id, also those that come after the
     * call ended.
     *
     * @param lockId the lock's id
     * @param call   the call
     */
    void granted(String lockId, Call call) {
        byLockId.putIfAbsent(lockId, new Granted(call, false, false));
    }

    /** The call of {@code event}'s lock (by its id, else by its keys), marking its grant or its end seen. */
    private @Nullable Call mark(LockEvent event, boolean acquired, boolean ended) {
        Call[] out = new Call[1];
        byLockId.compute(event.lockId(), (id, g) -> {
            Granted cur = g;
            if (cur == null) {
                Entered e = entered.get(event.keys());
                if (e == null) {
                    return null;
                }
                cur = new Granted(e.call(), false, false);
            }
            out[0] = cur.call();
            Granted next = new Granted(cur.call(), cur.acquired() || acquired, cur.ended() || ended);
            return next.acquired() && next.ended() ? null : next;
        });
        return out[0];
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
            case ACQUIRED -> mark(event, true, false);
            case ACQUISITION_FAILED -> {
                Entered e = entered.get(event.keys());
                yield e == null ? null : e.call();
            }
            case EXTENDED, EXTENSION_FAILED -> {
                Granted g = byLockId.get(event.lockId());
                yield g == null ? null : g.call();
            }
            case RELEASED, LOST -> mark(event, false, true);
            case NODE_ERROR -> null;
        };
        if (call != null) {
            sink.accept(toCdi(event, call));
        }
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
