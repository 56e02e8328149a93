package dev.redlock.core.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.redisson.api.RScript;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** A node behind a Redisson client the application handed over: the engine uses it and never shuts it down. */
final class ClientLink implements Link {

    private final RedissonClient client;
    private final RScript script;

    ClientLink(RedissonClient client) {
        this.client = client;
        this.script = client.getScript(StringCodec.INSTANCE);
    }

    @Override
    public <R> CompletableFuture<R> evalSha(Node.Script s, List<Object> keys, Object[] args) {
        RScript.ReturnType type = s.list ? RScript.ReturnType.LIST : RScript.ReturnType.LONG;
        return script.<R>evalShaAsync(RScript.Mode.READ_WRITE, s.sha, type, keys, args).toCompletableFuture();
    }

    @Override
    public CompletableFuture<String> scriptLoad(String source) {
        return script.scriptLoadAsync(source).toCompletableFuture();
    }

    @Override
    public List<String> keys(String pattern) {
        return client.getKeys().getKeysStreamByPattern(pattern).toList();
    }

    @Override
    public CompletableFuture<Runnable> listen(String channel, Consumer<String> onMessage) {
        RTopic topic = client.getTopic(channel, StringCodec.INSTANCE);
        return topic.addListenerAsync(String.class, (ch, msg) -> onMessage.accept(msg)).toCompletableFuture()
                .thenApply(id -> () -> topic.removeListenerAsync(id));
    }

    @Override
    public boolean cluster() {
        return client.getConfig().isClusterConfig();
    }

    @Override
    public boolean needsBound() {
        return true;
    }

    @Override
    public void close(long timeoutMillis) {
        // the application's client: it shuts it down
    }
}
