package dev.redlock.core.internal;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import io.netty.util.Timeout;

/**
 * The release channels this engine listens to: ONE subscription per key (on every node), shared by all of its
 * waiters and removed (after a short linger) when the last one leaves. A message wakes the longest-waiting local
 * waiter of the key, not all of them: one release lets one owner in, so waking everyone would only make the
 * others fail and sleep again (and split the votes on several nodes). The waiters'
 * jittered polling covers a lost message.
 */
final class Subscriptions {

    /** How long an unused subscription stays open, so that a busy key is not re-subscribed for every waiter. */
    static final long LINGER_MILLIS = 1000;

    private final Node[] nodes;
    private final long timeoutMillis;
    private final ScheduledExecutorService scheduler;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>(); // written under this, read freely

    Subscriptions(Node[] nodes, long timeoutMillis, ScheduledExecutorService scheduler) {
        this.nodes = nodes;
        this.timeoutMillis = timeoutMillis;
        this.scheduler = scheduler;
    }

    /** One key's subscription: its waiters and, per node, the listener id. */
    private final class Channel {
        final String name;
        final Set<Acquisition> waiters = Collections.synchronizedSet(new LinkedHashSet<>());
        @SuppressWarnings("unchecked")
        final CompletableFuture<Runnable>[] listeners = new CompletableFuture[nodes.length];
        final CompletableFuture<Void> ready;
        @Nullable
        Timeout closing;

        Channel(String name) {
            this.name = name;
            for (int i = 0; i < nodes.length; i++) {
                try {
                    listeners[i] = nodes[i].link.listen(name, this::wake);
                } catch (RuntimeException e) {
                    listeners[i] = CompletableFuture.failedFuture(e);
                }
            }
            // a node that cannot subscribe must not hold the waiter up: polling covers it
            ready = CompletableFuture.allOf(listeners).handle((v, e) -> (Void) null)
                    .completeOnTimeout(null, timeoutMillis, TimeUnit.MILLISECONDS);
        }

        /**
         * A release message: {@code '1'} wakes the longest-waiting local waiter; a waiter id wakes that waiter if it
         * is one of this engine's, and nobody else (the release named the head of the key's queue on the node).
         */
        void wake(String message) {
            Acquisition target = null;
            synchronized (waiters) {
                Iterator<Acquisition> it = waiters.iterator();
                if ("1".equals(message)) {
                    target = it.hasNext() ? it.next() : null;
                } else {
                    while (it.hasNext()) {
                        Acquisition a = it.next();
                        if (a.waiterId().equals(message)) {
                            target = a;
                            break;
                        }
                    }
                }
            }
            if (target != null) {
                target.wake();
            }
        }

        /** Whether every node has confirmed the subscription. */
        boolean confirmed() {
            for (CompletableFuture<Runnable> l : listeners) {
                if (!l.isDone() || l.isCompletedExceptionally()) {
                    return false;
                }
            }
            return true;
        }

        void close() {
            for (CompletableFuture<Runnable> l : listeners) {
                l.thenAccept(Runnable::run);
            }
        }
    }

    /**
     * Adds {@code waiter} to the subscriptions of {@code keys}.
     *
     * @return a stage completing when the subscriptions are active (or could not be made within the timeout)
     */
    CompletableFuture<Void> join(List<String> keys, Acquisition waiter) {
        CompletableFuture<?>[] ready = new CompletableFuture<?>[keys.size()];
        synchronized (this) {
            for (int i = 0; i < keys.size(); i++) {
                Channel c = channels.computeIfAbsent(KeyNames.channel(keys.get(i)), Channel::new);
                c.waiters.add(waiter);
                if (c.closing != null) {
                    c.closing.cancel();
                    c.closing = null;
                }
                ready[i] = c.ready;
            }
        }
        return ready.length == 1 ? ready[0].thenApply(v -> null) : CompletableFuture.allOf(ready);
    }

    /** Whether every one of {@code keys} has a subscription here that every node has confirmed. */
    boolean isActive(List<String> keys) {
        if (channels.isEmpty()) {
            return false;
        }
        for (String key : keys) {
            Channel c = channels.get(KeyNames.channel(key));
            if (c == null || !c.confirmed()) {
                return false;
            }
        }
        return true;
    }

    /** Whether one of {@code keys} had waiters here recently (its subscription is open or lingering). */
    boolean isContended(List<String> keys) {
        if (channels.isEmpty()) {
            return false;
        }
        for (String key : keys) {
            if (channels.containsKey(KeyNames.channel(key))) {
                return true;
            }
        }
        return false;
    }

    /** Removes {@code waiter}; a channel without waiters is unsubscribed. */
    synchronized void leave(List<String> keys, Acquisition waiter) {
        for (String key : keys) {
            String name = KeyNames.channel(key);
            Channel c = channels.get(name);
            if (c != null && c.waiters.remove(waiter) && c.waiters.isEmpty() && c.closing == null) {
                // on the wheel: the linger is armed whenever a key's last waiter is granted, and nearly always
                // cancelled by its next waiter; on the scheduler each would wake its thread
                c.closing = Timeouts.WHEEL.newTimeout(t -> expireOnScheduler(name, c), LINGER_MILLIS,
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    private void expireOnScheduler(String name, Channel c) {
        try {
            scheduler.execute(() -> expire(name, c));
        } catch (RejectedExecutionException e) {
            expire(name, c); // the engine is closing: its close unsubscribes everything anyway
        }
    }

    private synchronized void expire(String name, Channel c) {
        if (c.waiters.isEmpty() && channels.get(name) == c) {
            channels.remove(name);
            c.close();
        }
    }

    /** Open subscriptions, including those lingering without waiters. */
    synchronized int size() {
        return channels.size();
    }

    synchronized void closeAll() {
        for (Channel c : channels.values()) {
            c.close();
        }
        channels.clear();
    }
}
