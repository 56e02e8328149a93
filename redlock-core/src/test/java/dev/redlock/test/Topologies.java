package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.config.ReadMode;

import dev.redlock.api.NodeVote;
import dev.redlock.core.Lock;
import dev.redlock.core.Redlock;
import dev.redlock.testkit.RedisCluster;
import dev.redlock.testkit.RedisNode;
import dev.redlock.testkit.RedisSentinel;

/** Redisson clients for the testkit's topologies, as a user would configure them for {@code Builder.clients}, and a lock cycle over them. */
final class Topologies {

    private Topologies() {
    }

    static RedissonClient sentinelClient(RedisSentinel deployment) {
        Config c = new Config().setCodec(StringCodec.INSTANCE);
        c.useSentinelServers().setMasterName(deployment.masterName())
                .addSentinelAddress(deployment.sentinelUris().toArray(String[]::new))
                // a deployment with one sentinel is a test shortcut; Redisson wants two or more by default
                .setCheckSentinelsList(deployment.sentinels().size() > 1).setScanInterval(100)
                .setReadMode(ReadMode.MASTER);
        return Redisson.create(c);
    }

    static RedissonClient clusterClient(RedisCluster cluster) {
        Config c = new Config().setCodec(StringCodec.INSTANCE);
        c.useClusterServers().addNodeAddress(cluster.uris().toArray(String[]::new)).setScanInterval(200)
                .setReadMode(ReadMode.MASTER);
        return Redisson.create(c);
    }

    /**
     * A two-key lock whose keys share a hash tag, over one client per deployment: granted on every deployment's
     * node for those keys ({@code owners}), refused to a second engine, extended, released, and re-granted with a
     * higher fencing token; once the engines are closed no owner has the keys left.
     *
     * @param clients one client per deployment
     * @param keys    the keys
     * @param pattern a {@code KEYS} pattern that matches them
     * @param owners  the node holding the keys in each deployment, in client order
     */
    static void lockCycle(List<RedissonClient> clients, List<String> keys, String pattern,
            Supplier<List<RedisNode>> owners) throws InterruptedException {
        try (Redlock a = Redlock.builder().clients(clients).build();
                Redlock b = Redlock.builder().clients(clients).build()) {
            Lock lock = a.acquire(keys, Duration.ofSeconds(30));
            WakeUpIT.awaitAnswered(lock); // granted at quorum: wait for the last node's answer
            assertThat(lock.votes()).extracting(NodeVote::outcome).containsOnly(NodeVote.Outcome.GRANTED);
            for (RedisNode owner : owners.get()) {
                assertThat(owner.keys(pattern)).as("%s", owner).containsAll(keys);
            }
            assertThat(b.tryAcquire(keys, Duration.ofSeconds(30), Duration.ZERO)).as("held").isEmpty();
            assertThat(b.tryAcquire(keys.subList(1, 2), Duration.ofSeconds(30), Duration.ZERO)).isEmpty();

            lock.extend(Duration.ofMinutes(1));
            assertThat(lock.remainingValidity()).isGreaterThan(Duration.ofSeconds(30));
            WakeUpIT.awaitAnswered(lock); // extended at quorum: wait for the last node's answer
            for (RedisNode owner : owners.get()) {
                assertThat((Long) owner.execute("PTTL", keys.get(1))).as("%s", owner).isGreaterThan(30_000L);
            }

            long token = lock.fencingToken();
            lock.release();
            assertThat(b.isLocked(keys.get(1))).isFalse();
            try (Lock next = b.acquire(keys, Duration.ofSeconds(30), Duration.ZERO)) {
                assertThat(next.fencingToken()).isGreaterThan(token);
            }
        }
        // closing the engines waited for every node's release
        for (RedisNode owner : owners.get()) {
            assertThat(owner.keys(pattern)).as("%s", owner).doesNotContainAnyElementsOf(keys);
        }
    }

    static void shutdown(List<RedissonClient> clients) {
        for (RedissonClient c : new ArrayList<>(clients)) {
            c.shutdown();
        }
    }
}
