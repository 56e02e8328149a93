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
import dev.redlock.core.Redlock;
import dev.redlock.testkit.RedisCluster;

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
        Topologies.lockCycle(CLIENTS, keys, "{order:7}:*",
                () -> CLUSTERS.stream().map(c -> c.masterFor(keys.get(0))).toList());
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
