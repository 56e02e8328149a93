package dev.redlock.cdi;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Something that happened to a lock a meta bean took, fired as a CDI event with the qualifiers
 * {@link InModule @InModule(module)} and {@link InMeta @InMeta(meta)}: to synchronous observers on the thread that
 * saw it (the caller's or an engine thread, so they must be fast and must not block) and, when the application has
 * an asynchronous observer of this type, to asynchronous observers too.
 *
 * <pre>{@code
 * void onLost(@Observes @InModule("a-auth") RedlockEvent event) {
 *     if (event.kind() == RedlockEvent.Kind.LOST) { alert(event.meta(), event.resource(), event.reason()); }
 * }
 * }</pre>
 *
 * <p>The events of one session share a {@link #lockId()}. Tag metrics with {@link #module()}, {@link #meta()} and
 * {@link #resource()} (bounded: the declared resource, a template for templated ones), never with {@link #key()},
 * which carries the resource arguments. No event carries a password. Locks taken through an injected engine
 * ({@code @RedlockClient}) fire no CDI event: listen on the engine itself ({@code Redlock.addListener}).
 *
 * @param kind         what happened
 * @param client       the named client (engine) the meta uses: {@code default} unless configured
 * @param module       the module: {@code a-auth}
 * @param meta         the meta's full name: {@code a-auth:redlock}
 * @param resource     the declared resource, {@code name} or the template {@code user-{userId}}; for a
 *                     multi-resource lock, the declared resources joined by {@code ,}
 * @param key          the full key on the servers (with the resource arguments); for a multi-resource lock, the keys
 *                     joined by {@code ,}
 * @param lockId       the id of the session ({@code Lock.id()}), or of the failed acquisition
 * @param fencingToken the grant's fencing token; 0 when there is no grant ({@link Kind#ACQUISITION_FAILED})
 * @param elapsed      for {@link Kind#ACQUIRED} and {@link Kind#ACQUISITION_FAILED} the wait; for the others the
 *                     hold time so far
 * @param reason       {@link Kind#ACQUISITION_FAILED}: the {@code LockAcquisitionException.Reason} name
 *                     ({@code HELD}, {@code UNREACHABLE}, {@code VALIDITY_EXPIRED}), or {@code INTERRUPTED} /
 *                     {@code CLOSED} / the exception's simple class name when the acquisition ended otherwise;
 *                     {@link Kind#LOST} and {@link Kind#EXTENSION_FAILED}: a short text; otherwise {@code null}
 * @param error        the error behind {@link Kind#LOST}, {@link Kind#EXTENSION_FAILED} (may be {@code null} when
 *                     the nodes answered but no quorum extended) and {@link Kind#ACQUISITION_FAILED}; otherwise
 *                     {@code null}
 * @since 0.1
 */
public record RedlockEvent(Kind kind, String client, String module, String meta, String resource, String key,
        String lockId, long fencingToken, Duration elapsed, @Nullable String reason, @Nullable Throwable error) {

    /**
     * Checks the components.
     *
     * @param kind         what happened
     * @param client       the client
     * @param module       the module
     * @param meta         the meta's full name
     * @param resource     the declared resource(s)
     * @param key          the key(s)
     * @param lockId       the session's id
     * @param fencingToken the fencing token, or 0
     * @param elapsed      the wait or the hold time so far
     * @param reason       why, for the kinds that have one
     * @param error        the error, for the kinds that have one
     * @throws NullPointerException if a component other than {@code reason} and {@code error} is null
     */
    public RedlockEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(lockId, "lockId");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** What happened. */
    public enum Kind {
        /** The lock was granted; {@link RedlockEvent#elapsed()} is the wait. */
        ACQUIRED,
        /** The lock was extended (automatically, while the function runs). */
        EXTENDED,
        /** An extension did not reach a quorum; the lock stays valid for now and is extended again, or lost. */
        EXTENSION_FAILED,
        /** The lock was released. */
        RELEASED,
        /** The lock was lost while held; the call ends with {@code LockLostException}. */
        LOST,
        /** No lock was granted; {@link RedlockEvent#reason()} says why, {@link RedlockEvent#elapsed()} the wait. */
        ACQUISITION_FAILED
    }
}
