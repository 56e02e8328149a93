package dev.redlock.bench.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.redisson.Redisson;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import dev.redlock.testkit.RedisNodes;

/**
 * Where the time of one synchronous command goes on the client side: one serial caller, one local node, the
 * cheapest command ({@code PING}) and a one-line script, over
 * <ul>
 * <li>a blocking socket written and read by the calling thread (what a single-threaded client such as Node.js
 * pays: the round trip and one wake-up of the caller);</li>
 * <li>Redisson, configured as the engine configures its own clients: the caller hands the command to a Netty
 * event-loop thread and parks until that thread completes the future, two thread hand-offs more.</li>
 * </ul>
 * The difference is the floor under any acquire or release made through Redisson's asynchronous client, whatever
 * the lock algorithm does; {@code docs/benchmarks.md} uses it to explain W1.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
@State(Scope.Benchmark)
public class ClientFloorBenchmark {

    private static final byte[] PING = "*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII);

    private RedisNodes nodes;
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private final byte[] reply = new byte[64];
    private RedissonClient redisson;
    private RScript script;
    private String sha;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        nodes = AllocationBenchmark.startNode();
        URI uri = URI.create(nodes.node(0).uri());
        socket = new Socket(uri.getHost(), uri.getPort());
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = socket.getInputStream();
        Config config = new Config();
        config.setThreads(2);
        config.setNettyThreads(2);
        config.useSingleServer().setAddress(nodes.node(0).uri()).setRetryAttempts(0);
        redisson = Redisson.create(config);
        script = redisson.getScript(StringCodec.INSTANCE);
        sha = script.scriptLoad("return 1");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        redisson.shutdown();
        socket.close();
        nodes.close();
    }

    /**
     * PING on a blocking socket, by the calling thread.
     *
     * @return the reply's length
     * @throws IOException if the server went away
     */
    @Benchmark
    public int socketPing() throws IOException {
        out.write(PING);
        out.flush();
        int got = 0;
        while (got < 7) { // +PONG\r\n
            int n = in.read(reply, got, reply.length - got);
            if (n < 0) {
                throw new IOException("closed");
            }
            got += n;
        }
        return got;
    }

    /**
     * PING through Redisson.
     *
     * @return the reply
     */
    @Benchmark
    public Object redissonPing() {
        return redisson.getRedisNodes(org.redisson.api.redisnode.RedisNodes.SINGLE).getInstance().ping();
    }

    /**
     * A one-line script by SHA through Redisson's asynchronous API, joined: how the engine calls its scripts.
     *
     * @return the reply
     */
    @Benchmark
    public Object redissonEvalSha() {
        return script.evalShaAsync(RScript.Mode.READ_WRITE, sha, RScript.ReturnType.LONG, List.of("k"))
                .toCompletableFuture().join();
    }
}
