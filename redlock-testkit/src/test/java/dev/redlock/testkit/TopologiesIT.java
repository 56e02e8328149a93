package dev.redlock.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The testkit starts a Sentinel-managed master with a replica, and a Redis Cluster, from real processes. */
final class TopologiesIT {

    @Test
    void sentinel_promotesTheReplica_whenTheMasterIsKilled() {
        assumeTrue(RedisSentinel.isSupported(), "this redis-server has no Sentinel mode (redis-server --sentinel)");
        try (RedisSentinel sentinel = RedisSentinel.start()) {
            RedisNode master = sentinel.master();
            assertThat(master).isSameAs(sentinel.dataNodes().get(0));
            RedisNode replica = sentinel.replicas().get(0);
            assertThat(RedisSentinel.role(master)).isEqualTo("master");
            assertThat(RedisSentinel.role(replica)).isEqualTo("slave");
            assertThat(sentinel.sentinelUris()).hasSize(3);
            master.execute("SET", "k", "v");
            master.execute("WAIT", "1", "2000");
            assertThat(replica.execute("GET", "k")).as("replicated").isEqualTo("v");

            master.kill();
            RedisNode promoted = sentinel.awaitFailover(master, Duration.ofSeconds(20));

            assertThat(promoted).isSameAs(replica);
            assertThat(sentinel.master()).isSameAs(replica);
            assertThat(promoted.execute("SET", "k2", "v2")).as("the new master takes writes").isEqualTo("OK");
            assertThat(promoted.execute("GET", "k")).isEqualTo("v");
        }
    }

    @Test
    void sentinel_withTheEmbeddedBinary() {
        RedisSentinel.Builder builder = RedisSentinel.builder().searchPath("").replicas(0).sentinels(1, 1);
        assumeTrue(RedisSentinel.sentinelModeProblem(RedisBinary.locate("")) == null,
                "the embedded redis-server has no Sentinel mode");
        try (RedisSentinel sentinel = builder.start()) {
            assertThat(sentinel.master().binary()).doesNotEndWith("/redis-server");
            assertThat(sentinel.master().ping()).isTrue();
        }
    }

    @Test
    void cluster_threeMastersWithReplicas_serveEverySlot() {
        try (RedisCluster cluster = RedisCluster.builder().masters(3).replicasPerMaster(1).start()) {
            assertThat(cluster.uris()).hasSize(6);
            for (RedisNode n : cluster.masters()) {
                assertThat(String.valueOf(n.execute("CLUSTER", "INFO"))).contains("cluster_state:ok",
                        "cluster_slots_assigned:16384", "cluster_known_nodes:6");
            }
            for (RedisNode r : cluster.replicas()) {
                assertThat(RedisSentinel.role(r)).isEqualTo("slave");
            }
            RedisNode owner = cluster.masterFor("{user}:1");
            assertThat(owner.execute("SET", "{user}:1", "a")).isEqualTo("OK");
            assertThat(cluster.masterFor("{user}:2")).as("one hash tag, one slot, one master").isSameAs(owner);
            RedisNode other = cluster.masters().stream().filter(n -> n != owner).findFirst().orElseThrow();
            assertThat(cluster.slot("{user}:1")).isEqualTo(cluster.slot("user"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> other.execute("GET", "{user}:1"))
                    .isInstanceOf(RedisCommandException.class).hasMessageContaining("MOVED");
        }
    }
}
