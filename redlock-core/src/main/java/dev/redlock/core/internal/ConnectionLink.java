package dev.redlock.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.redisson.client.ChannelName;
import org.redisson.client.RedisClient;
import org.redisson.client.RedisClientConfig;
import org.redisson.client.RedisConnection;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisException;
import org.redisson.client.RedisPubSubConnection;
import org.redisson.client.RedisPubSubListener;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.RedisCommand;
import org.redisson.client.protocol.RedisCommands;
import org.redisson.client.protocol.decoder.ListScanResult;
import org.redisson.client.protocol.pubsub.PubSubType;
import org.redisson.config.SslVerificationMode;

import dev.redlock.core.nodes.NodeUri;

/**
 * A node the engine reaches through its own transport: one {@link RedisConnection} (one pipelined channel: replies
 * come in order, so a release never overtakes its own acquire on the node) for the scripts and one
 * {@link RedisPubSubConnection} for the release channels, on the loop all engines share ({@link Transport}).
 *
 * <p>Connections are made on first use and again whenever the last one is found inactive; a command never waits
 * for Redisson's background reconnect (which retries with back-off): it fails with the connect error, so a node
 * that is down reads as "connection refused" at once, and the first command after its restart connects anew (AUTH,
 * SELECT and the client name are sent by the client on every connect). Every answer is bounded by the command
 * timeout.
 */
final class ConnectionLink implements Link {

    private static final RedisCommand<List<Object>> EVALSHA_LIST = new RedisCommand<>(RedisCommands.EVAL_LIST,
            "EVALSHA");
    private static final RedisCommand<Long> EVALSHA_LONG = new RedisCommand<>(RedisCommands.EVAL_LONG, "EVALSHA");

    private final RedisClient client;
    private final long timeoutMillis;
    private final Object lock = new Object();
    private @Nullable CompletableFuture<RedisConnection> connection; // guarded by lock
    private @Nullable CompletableFuture<RedisPubSubConnection> pubSub; // guarded by lock
    private final Map<String, Consumer<String>> listeners = new ConcurrentHashMap<>();
    private final Map<String, RedisPubSubListener<?>> pubListeners = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<?>> tails = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> unsubscribing = new ConcurrentHashMap<>();
    private volatile boolean closed;

    ConnectionLink(Transport transport, NodeUri u, Settings s) {
        int timeout = (int) Math.min(Integer.MAX_VALUE, s.commandTimeout().toMillis());
        this.timeoutMillis = timeout;
        RedisClientConfig c = new RedisClientConfig();
        c.setAddress(u.address()).setDatabase(u.database()).setConnectTimeout(timeout).setCommandTimeout(timeout)
                .setClientName("redlock").setTcpNoDelay(true).setKeepAlive(true);
        String password = u.password() != null ? u.password() : s.password();
        if (password != null) {
            c.setPassword(password);
        }
        if (u.user() != null) {
            c.setUsername(u.user());
        }
        Settings.Stores stores = s.stores();
        if (u.tls()) {
            c.setSslVerificationMode(stores.verifyHostname() ? SslVerificationMode.STRICT : SslVerificationMode.CA_ONLY);
        }
        if (stores.truststore() != null) {
            c.setSslTruststore(stores.truststore()).setSslTruststorePassword(stores.truststorePassword());
        }
        if (stores.keystore() != null) {
            c.setSslKeystore(stores.keystore()).setSslKeystorePassword(stores.keystorePassword());
        }
        this.client = transport.client(c);
    }

    /** The open connection, or a new one if there is none or the last one broke. */
    private CompletableFuture<RedisConnection> connection() {
        CompletableFuture<RedisConnection> c = connection;
        if (c != null && usable(c)) {
            return c;
        }
        synchronized (lock) {
            CompletableFuture<RedisConnection> current = connection;
            if (current != null && usable(current)) {
                return current;
            }
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("the engine is closed"));
            }
            if (current != null) {
                closeQuietly(current);
            }
            CompletableFuture<RedisConnection> fresh = client.connectAsync().toCompletableFuture()
                    .exceptionallyCompose(this::connectFailed);
            connection = fresh;
            return fresh;
        }
    }

    /**
     * A failed connect as Redisson's full client reports it: a {@link RedisConnectionException} naming the node,
     * with the socket's exception as the cause ({@link NodeErrors} reads the cause); the server's own refusals
     * (AUTH, TLS inside Redisson's handler) are already Redisson exceptions and pass unchanged.
     */
    private <C> CompletableFuture<C> connectFailed(Throwable e) {
        Throwable cause = Node.unwrap(e);
        if (cause instanceof RedisException) {
            return CompletableFuture.failedFuture(cause);
        }
        return CompletableFuture.failedFuture(new RedisConnectionException("Unable to connect to Redis server: "
                + client.getAddr(), cause));
    }

    private static boolean usable(CompletableFuture<? extends RedisConnection> c) {
        if (!c.isDone()) {
            return true; // connecting: the command waits for it
        }
        if (c.isCompletedExceptionally()) {
            return false;
        }
        RedisConnection rc = c.join();
        return rc.isActive() && !rc.isClosed();
    }

    private static void closeQuietly(CompletableFuture<? extends RedisConnection> c) {
        c.thenAccept(RedisConnection::closeAsync);
    }

    @SuppressWarnings("unchecked")
    private <R> CompletableFuture<R> send(RedisCommand<?> cmd, Object... params) {
        RedisCommand<Object> command = (RedisCommand<Object>) cmd;
        CompletableFuture<RedisConnection> c = connection();
        CompletableFuture<R> out;
        RedisConnection rc = c.getNow(null);
        if (rc != null) {
            out = rc.<Object, R>async(timeoutMillis, StringCodec.INSTANCE, command, params).toCompletableFuture();
        } else {
            out = c.thenCompose(r -> r.<Object, R>async(timeoutMillis, StringCodec.INSTANCE, command, params)
                    .toCompletableFuture());
            // connect and answer together stay within about twice the command timeout
            Timeouts.bound(out, 2 * timeoutMillis + Timeouts.TICK_MILLIS);
        }
        return out;
    }

    @Override
    public <R> CompletableFuture<R> evalSha(Node.Script s, List<Object> keys, Object[] args) {
        Object[] params = new Object[2 + keys.size() + args.length];
        params[0] = s.sha;
        params[1] = Node.arg(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            params[2 + i] = keys.get(i);
        }
        System.arraycopy(args, 0, params, 2 + keys.size(), args.length);
        return send(s.list ? EVALSHA_LIST : EVALSHA_LONG, params);
    }

    @Override
    public CompletableFuture<String> scriptLoad(String source) {
        return send(RedisCommands.SCRIPT_LOAD, source);
    }

    @Override
    public List<String> keys(String pattern) {
        List<String> out = new ArrayList<>();
        String cursor = "0";
        do {
            ListScanResult<String> page = this.<ListScanResult<String>>send(RedisCommands.SCAN, cursor, "MATCH",
                    pattern, "COUNT", "1000").join();
            out.addAll(page.getValues());
            cursor = page.getPos();
        } while (!"0".equals(cursor));
        return out;
    }

    private CompletableFuture<RedisPubSubConnection> pubSub() {
        synchronized (lock) {
            CompletableFuture<RedisPubSubConnection> p = pubSub;
            if (p != null && (!p.isDone() || !p.isCompletedExceptionally() && !p.join().isClosed())) {
                return p; // an open one re-subscribes its channels itself after a reconnect
            }
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("the engine is closed"));
            }
            CompletableFuture<RedisPubSubConnection> fresh = client.connectPubSubAsync().toCompletableFuture()
                    .exceptionallyCompose(this::connectFailed);
            Timeouts.bound(fresh, timeoutMillis);
            pubSub = fresh;
            return fresh;
        }
    }

    @Override
    public CompletableFuture<Runnable> listen(String channel, Consumer<String> onMessage) {
        return serially(channel, () -> subscribe(channel, onMessage)).thenApply(p -> (Runnable) () -> serially(
                channel, () -> unsubscribe(p, channel, onMessage)));
    }

    /**
     * Runs the subscription changes of one channel one after the other, each after the server confirmed the last:
     * an UNSUBSCRIBE still in flight when the same channel is subscribed again would otherwise be matched with the
     * new SUBSCRIBE's confirmation and leave the channel subscribed on the server.
     */
    private <T> CompletableFuture<T> serially(String channel, Supplier<CompletableFuture<T>> op) {
        @SuppressWarnings("unchecked")
        CompletableFuture<T>[] out = new CompletableFuture[1];
        tails.compute(channel, (k, tail) -> {
            CompletableFuture<?> after = tail == null ? CompletableFuture.completedFuture(null) : tail;
            out[0] = after.handle((v, e) -> null).thenCompose(x -> op.get());
            return out[0];
        });
        out[0].whenComplete((v, e) -> tails.remove(channel, out[0]));
        return out[0];
    }

    private CompletableFuture<RedisPubSubConnection> subscribe(String channel, Consumer<String> onMessage) {
        return pubSub().thenCompose(p -> {
            ChannelName name = new ChannelName(channel);
            CompletableFuture<Void> subscribed = new CompletableFuture<>();
            listeners.put(channel, onMessage);
            RedisPubSubListener<Object> listener = new RedisPubSubListener<>() {
                @Override
                public void onMessage(CharSequence ch, Object msg) {
                    Consumer<String> c = listeners.get(channel);
                    if (c != null) {
                        c.accept(String.valueOf(msg));
                    }
                }

                @Override
                public void onStatus(PubSubType type, CharSequence ch) {
                    if (type == PubSubType.SUBSCRIBE) {
                        subscribed.complete(null);
                    } else if (type == PubSubType.UNSUBSCRIBE) {
                        CompletableFuture<Void> u = unsubscribing.remove(channel);
                        if (u != null) {
                            u.complete(null);
                        }
                    }
                }
            };
            pubListeners.put(channel, listener);
            p.addListener(name, listener);
            // confirmed by the listener's SUBSCRIBE status: the promise the connection takes does not always complete
            p.subscribe(StringCodec.INSTANCE, name);
            return Timeouts.bound(subscribed, timeoutMillis).handle((v, e) -> {
                if (e != null) {
                    unsubscribe(p, channel, onMessage); // do not leave it subscribed after a late answer
                    throw e instanceof CompletionException c ? c : new CompletionException(e);
                }
                return p;
            });
        });
    }

    private CompletableFuture<Void> unsubscribe(RedisPubSubConnection p, String channel, Consumer<String> onMessage) {
        listeners.remove(channel, onMessage);
        ChannelName name = new ChannelName(channel);
        CompletableFuture<Void> done = new CompletableFuture<>();
        unsubscribing.put(channel, done);
        p.unsubscribe(PubSubType.UNSUBSCRIBE, name);
        // a connection that went away took the subscription with it: the bound only ends the wait
        return Timeouts.bound(done, timeoutMillis).handle((v, e) -> {
            unsubscribing.remove(channel, done);
            RedisPubSubListener<?> l = pubListeners.remove(channel);
            if (l != null) {
                p.removeListener(name, l);
            }
            return null;
        });
    }

    @Override
    public boolean cluster() {
        return false;
    }

    @Override
    public boolean needsBound() {
        return false;
    }

    @Override
    public void close(long timeoutMillis) {
        synchronized (lock) {
            closed = true;
        }
        try {
            client.shutdownAsync().toCompletableFuture().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // best effort: the loop closes the channels when the last engine goes
        }
    }
}
