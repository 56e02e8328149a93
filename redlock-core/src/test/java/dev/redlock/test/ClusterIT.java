package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

import dev.redlock.api.LockAcquisitionException;
import dev.redlock.api.NodeVote;
import dev.redlock.core.Lock;
import dev.redlock.core.Redlock;
import dev.redlock.testkit.RedisCluster;
import dev.redlock.testkit.RedisNode;

/**
 * Redlock over three independent Redis Clusters (three masters each), one Redisson cluster client per cluster as a
 * node: a multi-resource lock whose keys share a hash tag is granted, extended, released and fenced like on single
 * servers; keys in different slots are refused by the cluster and reported as such.
 */
final class ClusterIT {

    private static final List<RedisCluster> CLUSTERS = new ArrayList<>();
    private static final List<RedissonClient> CLIENTS = new ArrayList<>();

    @BeforeAll
    static void start() {
        for (int i = 0; i < 3; i++) {
            RedisCluster cluster = RedisCluster.start(3);
            CLUSTERS.add(cluster);
            CLIENTS.add(Topologies.clusterClient(cluster));
        }
    }

    @AfterAll
    static void stop() {
        Topologies.shutdown(CLIENTS);
        CLUSTERS.forEach(RedisCluster::close);
    }

    @Test
    void aHashTaggedMultiKeyLock_isGrantedExtendedReleasedAndFenced() throws InterruptedException {
        List<String> keys = List.of("{order:7}:items", "{order:7}:total");
        try (Redlock a = Redlock.builder().clients(CLIENTS).build();
                Redlock b = Redlock.builder().clients(CLIENTS).build()) {
            Lock lock = a.acquire(keys, Duration.ofSeconds(30));
            WakeUpIT.awaitAnswered(lock); // granted at quorum: wait for the last node's answer
            assertThat(lock.votes()).extracting(NodeVote::outcome)
                    .containsOnly(NodeVote.Outcome.GRANTED);
            for (RedisCluster cluster : CLUSTERS) {
                RedisNode owner = cluster.masterFor(keys.get(0));
                assertThat(owner.keys("{order:7}:*")).as("%s", owner).contains(keys.get(0), keys.get(1));
            }
            assertThat(b.tryAcquire(keys, Duration.ofSeconds(30), Duration.ZERO)).as("held").isEmpty();
            assertThat(b.tryAcquire(List.of("{order:7}:total"), Duration.ofSeconds(30), Duration.ZERO)).isEmpty();

            lock.extend(Duration.ofMinutes(1));
            assertThat(lock.remainingValidity()).isGreaterThan(Duration.ofSeconds(30));
            assertThat(CLUSTERS.get(1).masterFor(keys.get(0)).execute("PTTL", keys.get(1)))
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LONG).isGreaterThan(30_000L);

            long token = lock.fencingToken();
            lock.release();
            assertThat(b.isLocked(keys.get(1))).isFalse();
            try (Lock next = b.acquire(keys, Duration.ofSeconds(30), Duration.ZERO)) {
                assertThat(next.fencingToken()).isGreaterThan(token);
            }
        }
        // closing the engines waited for every node's release
        for (RedisCluster cluster : CLUSTERS) {
            assertThat(cluster.masterFor(keys.get(0)).keys("{order:7}:*")).doesNotContainAnyElementsOf(keys);
        }
    }

    @Test
    void keysInDifferentSlots_failWithTheClustersCrossSlotError() {
        List<String> keys = List.of("order:8:items", "order:9:items");
        assertThat(CLUSTERS.get(0).slot(keys.get(0))).isNotEqualTo(CLUSTERS.get(0).slot(keys.get(1)));
        try (Redlock a = Redlock.builder().clients(CLIENTS).build()) {
            assertThatThrownBy(() -> a.acquire(keys, Duration.ofSeconds(30), Duration.ZERO))
                    .isInstanceOfSatisfying(LockAcquisitionException.class, e -> {
                        assertThat(e.reason()).isEqualTo(LockAcquisitionException.Reason.UNREACHABLE);
                        assertThat(e.getMessage()).contains("CROSSSLOT");
                    });
        }
    }
}
