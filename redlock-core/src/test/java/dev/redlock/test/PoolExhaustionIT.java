package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import dev.redlock.api.LockAcquisitionException;
import dev.redlock.api.LockReleaseException;
import dev.redlock.api.NodeVote;
import dev.redlock.core.Lock;
import dev.redlock.core.Redlock;
import dev.redlock.testkit.RedisNode;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/**
 * A client whose connection pool has no free connection cannot ask its node: the nodes are fine, the client is
 * overloaded. Each client here has a pool of one connection; a blocking {@code BLPOP} on that connection exhausts
 * it. Each such node's vote reads {@code no connection from the pool}, and when they are what keeps the quorum out
 * of reach, the {@code RL1002} of the acquisition and the {@code RL1020} of the release say so and give the fix.
 * (Not a code of its own: Redisson raises the same exception for a paused, partitioned or dead node, see
 * {@code QuorumReasonIT} and {@code PartitionIT}, where the code must stay {@code RL1002}.)
 */
@WithRedisNodes(count = 3, lifecycle = WithRedisNodes.Lifecycle.PER_METHOD)
final class PoolExhaustionIT {

    private final List<RedissonClient> clients = new ArrayList<>();

    @BeforeEach
    void clients(RedisNodes nodes) {
        for (String uri : nodes.uris()) {
            Config c = new Config().setCodec(StringCodec.INSTANCE);
            c.useSingleServer().setAddress(uri).setConnectionPoolSize(1).setConnectionMinimumIdleSize(1)
                    .setTimeout(1000).setRetryAttempts(0);
            clients.add(Redisson.create(c));
        }
    }

    @AfterEach
    void shutdown() {
        Topologies.shutdown(clients);
    }

    @Test
    void twoOfThreePoolsExhausted_acquisitionSaysSo(RedisNodes nodes) throws Exception {
        try (Redlock redlock = Redlock.builder().clients(clients).commandTimeout(Duration.ofSeconds(3)).build()) {
            exhaust(nodes, 0, 1);
            assertThatThrownBy(() -> redlock.acquire(List.of("pool:a"), Duration.ofSeconds(10), Duration.ZERO))
                    .isInstanceOfSatisfying(LockAcquisitionException.class, e -> {
                        assertThat(e.reason()).isEqualTo(LockAcquisitionException.Reason.UNREACHABLE);
                        assertThat(e.getMessage()).startsWith("RL1002: ")
                                .contains(name(nodes.node(0)) + ": no connection from the pool",
                                        name(nodes.node(1)) + ": no connection from the pool",
                                        "2 of the failed nodes got no connection from the pool",
                                        "raise Redlock.Builder#connectionPoolSize");
                        assertThat(e.votes().get(0).outcome()).isEqualTo(NodeVote.Outcome.ERROR);
                    });
            assertThat(nodes.node(2).keys("pool:a")).as("the granting node's key was given back").isEmpty();
            unblock(nodes, 0, 1);
            redlock.acquire(List.of("pool:a"), Duration.ofSeconds(10), Duration.ofSeconds(5)).release();
        }
    }

    @Test
    void twoOfThreePoolsExhausted_releaseSaysSo(RedisNodes nodes) throws Exception {
        try (Redlock redlock = Redlock.builder().clients(clients).commandTimeout(Duration.ofSeconds(3)).build()) {
            Lock lock = redlock.acquire(List.of("pool:r"), Duration.ofSeconds(10), Duration.ZERO);
            WakeUpIT.awaitAnswered(lock);
            exhaust(nodes, 0, 1);
            assertThatThrownBy(lock::release).isInstanceOfSatisfying(LockReleaseException.class,
                    e -> assertThat(e.getMessage()).startsWith("RL1020: ")
                            .contains(name(nodes.node(1)) + ": no connection from the pool", "connectionPoolSize"));
            unblock(nodes, 0, 1);
        }
    }

    @Test
    void oneExhaustedPool_isNamedInTheVotes_butTheQuorumHolds(RedisNodes nodes) throws Exception {
        try (Redlock redlock = Redlock.builder().clients(clients).commandTimeout(Duration.ofSeconds(3)).build()) {
            exhaust(nodes, 0);
            Lock lock = redlock.acquire(List.of("pool:m"), Duration.ofSeconds(10), Duration.ZERO);
            WakeUpIT.awaitAnswered(lock);
            assertThat(lock.votes().get(0).error())
                    .isEqualTo("no connection from the pool (" + "the command was not sent: the client's pool for this"
                            + " node was exhausted or cannot connect)");
            lock.release();
            unblock(nodes, 0);
        }
    }

    private static String name(RedisNode node) {
        return node.host() + ":" + node.port();
    }

    /** Takes the only pooled connection of each client with a blocking pop, and waits until the node blocks it. */
    private void exhaust(RedisNodes nodes, int... indexes) throws InterruptedException {
        for (int i : indexes) {
            clients.get(i).getBlockingQueue("pool:block").takeAsync();
        }
        for (int i : indexes) {
            RedisNode node = nodes.node(i);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!String.valueOf(node.execute("INFO", "clients")).contains("blocked_clients:1")) {
                assertThat(System.nanoTime() - deadline).as("BLPOP blocks on %s", node).isNegative();
                Thread.sleep(10); // polling the server's state: there is no event to wait on
            }
        }
    }

    private static void unblock(RedisNodes nodes, int... indexes) {
        for (int i : indexes) {
            nodes.node(i).execute("LPUSH", "pool:block", "go");
        }
    }
}
