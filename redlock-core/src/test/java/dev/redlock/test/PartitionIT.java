package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.redlock.api.LockAcquisitionException;
import dev.redlock.api.NodeVote;
import dev.redlock.core.Lock;
import dev.redlock.core.Redlock;
import dev.redlock.testkit.NodeProxy;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/**
 * A client partitioned from some nodes by the testkit's proxies, while the servers keep running and other clients
 * reach them: cut from a majority it fails with UNREACHABLE naming the nodes it cannot reach, and once the partition
 * heals it acquires again.
 */
@WithRedisNodes(count = 3, lifecycle = WithRedisNodes.Lifecycle.PER_METHOD)
final class PartitionIT {

    private static final Duration LEASE_TIME = Duration.ofSeconds(10);

    @Test
    void cutFromTwoOfThree_isUnreachableNamingThem_andAcquiresOnceHealed(RedisNodes nodes) {
        try (Redlock partitioned = Redlock.builder().nodes(nodes.proxiedUris()).build();
                Redlock other = Redlock.builder().nodes(nodes.uris()).build()) {
            partitioned.acquire(List.of("partition:warm"), LEASE_TIME).release(); // connections up
            NodeProxy a = nodes.node(0).proxy();
            NodeProxy b = nodes.node(2).proxy();
            a.cut();
            b.cut();
            try {
                for (int i = 0; i < 3; i++) {
                    LockAcquisitionException e = catchThrowableOfType(
                            () -> partitioned.acquire(List.of("partition:x"), LEASE_TIME, Duration.ZERO),
                            LockAcquisitionException.class);
                    assertThat(e.reason()).isEqualTo(LockAcquisitionException.Reason.UNREACHABLE);
                    assertThat(e.getMessage()).startsWith("RL1002").contains(name(a) + ": ")
                            .contains(name(b) + ": ").doesNotContain(name(nodes.node(1).proxy()) + ": ");
                    assertThat(e.votes()).extracting(NodeVote::outcome).containsExactly(NodeVote.Outcome.ERROR,
                            NodeVote.Outcome.GRANTED, NodeVote.Outcome.ERROR);
                    assertThat(nodes.node(1).keys("partition:x")).as("the partial grant was released").isEmpty();
                }
                // the servers run on: a client that reaches them directly is not affected
                other.acquire(List.of("partition:y"), LEASE_TIME).release();
            } finally {
                a.heal();
                b.heal();
            }
            // healed: the client reconnects and acquires (within the default unreachable timeout)
            try (Lock lock = partitioned.acquire(List.of("partition:x"), LEASE_TIME)) {
                assertThat(lock.votes()).filteredOn(NodeVote::granted).hasSizeGreaterThanOrEqualTo(2);
            }
        }
    }

    private static String name(NodeProxy p) {
        return p.host() + ":" + p.port();
    }
}
