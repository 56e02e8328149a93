package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

import dev.redlock.api.LockLostException;
import dev.redlock.api.NodeVote;
import dev.redlock.core.Lock;
import dev.redlock.core.Redlock;
import dev.redlock.testkit.NodeProxy;
import dev.redlock.testkit.RedisNode;
import dev.redlock.testkit.RedisSentinel;

/**
 * Redlock over Sentinel-managed masters, one Redisson sentinel client per deployment as a node; and what a failover
 * does to a held lock when the replica had not received it (replication is asynchronous).
 */
final class SentinelIT {

    @BeforeAll
    static void sentinelMode() {
        assumeTrue(RedisSentinel.isSupported(), "skipped: this redis-server has no Sentinel mode (redis-server "
                + "--sentinel); install Redis with Sentinel or set -Dredlock.testkit.redis-server");
    }

    @Test
    void threeSentinelManagedMasters_lockExtendReleaseAndFence() throws InterruptedException {
        List<RedisSentinel> deployments = new ArrayList<>();
        List<RedissonClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                RedisSentinel d = RedisSentinel.builder().masterName("m" + i).sentinels(1, 1).start();
                deployments.add(d);
                clients.add(Topologies.sentinelClient(d));
            }
            Topologies.lockCycle(clients, List.of("{cart:3}:lines", "{cart:3}:total"), "{cart:3}:*",
                    () -> deployments.stream().map(RedisSentinel::master).toList());
        } finally {
            Topologies.shutdown(clients);
            deployments.forEach(RedisSentinel::close);
        }
    }

    /**
     * The replica replicates through the master's proxy, which drops the replication stream before the lock is
     * taken: the write reaches the master only, as it does when a master dies before replicating. The sentinels
     * promote the replica; the lock's key is gone. The holder still believes it holds the lock until its next
     * extension, which finds the key gone and reports the loss; a rival is granted the lock at once, with a
     * higher fencing token, so a store that checks tokens rejects the old holder's writes.
     */
    @Test
    void failover_toAReplicaThatMissedTheLock_losesIt_andTheNextExtensionTells() {
        // failover-timeout also delays the sentinels' +fix-slave-config for the replica pointed at the proxy
        try (RedisSentinel d = RedisSentinel.builder().failoverTimeout(Duration.ofSeconds(60)).start()) {
            RedisNode master = d.master();
            RedisNode replica = d.replicas().get(0);
            NodeProxy proxy = master.proxy();
            replica.execute("REPLICAOF", proxy.host(), Integer.toString(proxy.port()));
            awaitLinkUp(replica, proxy.port());
            RedissonClient holderClient = Topologies.sentinelClient(d);
            RedissonClient rivalClient = Topologies.sentinelClient(d);
            try (Redlock holder = Redlock.builder().clients(List.of(holderClient)).build();
                    Redlock rival = Redlock.builder().clients(List.of(rivalClient)).build()) {
                holder.acquire(List.of("warmup"), Duration.ofSeconds(5)).release(); // the epoch marker replicates
                master.execute("WAIT", "1", "5000");
                assertThat(replica.execute("GET", "redlock:epoch")).isNotNull();
                proxy.drop(NodeProxy.Direction.TO_CLIENT);

                Lock lock = holder.acquire(List.of("failover:k"), Duration.ofSeconds(30));
                long token = lock.fencingToken();
                assertThat(replica.execute("GET", "failover:k")).as("not replicated").isNull();

                master.kill();
                assertThat(d.awaitFailover(master, Duration.ofSeconds(30))).isSameAs(replica);

                assertThat(lock.isLost()).as("nothing told the holder yet").isFalse();
                Lock rivals = rival.acquire(List.of("failover:k"), Duration.ofSeconds(30), Duration.ofSeconds(10));
                assertThat(rivals.fencingToken()).as("tokens are time-based: still higher").isGreaterThan(token);
                assertThat(rivals.votes().get(0).outcome()).as("the promoted replica has the epoch marker and "
                        + "votes at once").isEqualTo(NodeVote.Outcome.GRANTED);

                assertThatThrownBy(() -> lock.extend(Duration.ofSeconds(30))).isInstanceOf(LockLostException.class);
                assertThat(lock.isLost()).isTrue();
                assertThatThrownBy(lock::throwIfLost).isInstanceOf(LockLostException.class);
                rivals.release();
            } finally {
                Topologies.shutdown(List.of(holderClient, rivalClient));
            }
        }
    }

    private static void awaitLinkUp(RedisNode replica, int masterPort) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            String info = String.valueOf(replica.execute("INFO", "replication"));
            if (info.contains("master_port:" + masterPort) && info.contains("master_link_status:up")) {
                return;
            }
            assertThat(System.nanoTime() - deadline).as("replication link through the proxy: %s", info)
                    .isNegative();
            try {
                Thread.sleep(20); // polling a server's state: there is no event to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
