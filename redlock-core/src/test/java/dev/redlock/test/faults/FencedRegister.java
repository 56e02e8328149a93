package dev.redlock.test.faults;

import java.util.List;

import org.redisson.Redisson;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * The protected resource of the fault tests: one register per resource, in a Redis of its own (not one of the lock
 * nodes), that accepts a write only with a fencing token higher than every token it accepted before, the check a
 * storage must make to reject a stale lock holder. Clients read the value and write it back plus one, so a
 * concurrent holder would lose an update.
 */
public final class FencedRegister implements AutoCloseable {

    /** KEYS: the register. ARGV: token, new value. Returns the number of accepted writes, or -1 if rejected. */
    private static final String WRITE = """
            local last = tonumber(redis.call('HGET', KEYS[1], 'token') or '0')
            if tonumber(ARGV[1]) <= last then return -1 end
            redis.call('HSET', KEYS[1], 'token', ARGV[1], 'value', ARGV[2])
            return redis.call('HINCRBY', KEYS[1], 'accepted', 1)
            """;

    private final RedissonClient client;
    private final RScript script;

    /**
     * Connects to the register's server.
     *
     * @param uri the server, {@code redis://host:port}
     */
    public FencedRegister(String uri) {
        Config config = new Config();
        config.useSingleServer().setAddress(uri).setConnectionPoolSize(16).setConnectionMinimumIdleSize(2);
        this.client = Redisson.create(config);
        this.script = client.getScript(StringCodec.INSTANCE);
    }

    /**
     * The register's value.
     *
     * @param resource the resource
     * @return the value; 0 before the first write
     */
    public long read(String resource) {
        return field(resource, "value");
    }

    /**
     * How many writes the register accepted.
     *
     * @param resource the resource
     * @return the count
     */
    public long accepted(String resource) {
        return field(resource, "accepted");
    }

    /**
     * Writes {@code value} if {@code token} is higher than every token accepted before.
     *
     * @param resource the resource
     * @param token    the writer's fencing token
     * @param value    the new value
     * @return the sequence number of the accepted write (1, 2, ...), or -1 if it was rejected
     */
    public long write(String resource, long token, long value) {
        Long r = script.eval(RScript.Mode.READ_WRITE, WRITE, RScript.ReturnType.LONG, List.of(key(resource)),
                Long.toString(token), Long.toString(value));
        return r == null ? -1 : r;
    }

    private long field(String resource, String field) {
        Object v = client.getMap(key(resource), StringCodec.INSTANCE).get(field);
        return v == null ? 0 : Long.parseLong(v.toString());
    }

    private static String key(String resource) {
        return "register:" + resource;
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
