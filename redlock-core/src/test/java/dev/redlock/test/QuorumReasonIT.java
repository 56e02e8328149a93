package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.redlock.api.LockAcquisitionException;
import dev.redlock.api.NodeVote;
import dev.redlock.core.Lock;
import dev.redlock.core.Redlock;
import dev.redlock.testkit.RedisNode;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/**
 * The reason of a failed acquisition: "held" (RL1001, an empty {@code tryAcquire}) only when a quorum of nodes
 * answered and the resource was held there; when nodes did not answer, "unreachable" (RL1002) naming them, even if
 * the nodes that did answer found the resource held. And a vote not yet answered shows as pending.
 */
@WithRedisNodes(count = 5, lifecycle = WithRedisNodes.Lifecycle.PER_METHOD)
final class QuorumReasonIT {

    private static final Duration LEASE_TIME = Duration.ofSeconds(60);

    @Test
    void threeOfFiveKilled_whileHeld_isUnreachable_neverHeld(RedisNodes nodes) {
        try (Redlock holder = Redlock.builder().nodes(nodes.uris()).build();
                Redlock contender = Redlock.builder().nodes(nodes.uris()).build()) {
            Lock held = holder.acquire(List.of("reason:killed"), LEASE_TIME);
            List<RedisNode> dead = List.of(nodes.node(1), nodes.node(2), nodes.node(4));
            dead.forEach(RedisNode::kill);
            for (int i = 0; i < 10; i++) {
                LockAcquisitionException e = catchThrowableOfType(
                        () -> contender.tryAcquire(List.of("reason:killed"), LEASE_TIME, Duration.ZERO),
                        LockAcquisitionException.class);
                assertUnreachable(e, dead, nodes);
            }
            held.releaseAsync(); // a minority answers: not confirmed, nothing to assert
        }
    }

    @Test
    void threeOfFivePaused_whileHeld_isUnreachable_notDecidedByTheTwoThatAnswered(RedisNodes nodes) {
        try (Redlock holder = Redlock.builder().nodes(nodes.uris()).build();
                Redlock contender = Redlock.builder().nodes(nodes.uris()).build()) {
            holder.acquire(List.of("reason:paused"), LEASE_TIME);
            List<RedisNode> silent = List.of(nodes.node(0), nodes.node(2), nodes.node(3));
            silent.forEach(RedisNode::pause);
            try {
                // the two live nodes answer "held" at once; the three paused ones only time out
                for (int i = 0; i < 3; i++) {
                    LockAcquisitionException e = catchThrowableOfType(
                            () -> contender.tryAcquire(List.of("reason:paused"), LEASE_TIME, Duration.ZERO),
                            LockAcquisitionException.class);
                    assertUnreachable(e, silent, nodes);
                }
            } finally {
                silent.forEach(RedisNode::resume);
            }
        }
    }

    @Test
    void aQuorumAnsweringHeld_isHeld_andTryAcquireIsEmpty(RedisNodes nodes) {
        try (Redlock holder = Redlock.builder().nodes(nodes.uris()).build();
                Redlock contender = Redlock.builder().nodes(nodes.uris()).build()) {
            Lock held = holder.acquire(List.of("reason:held"), LEASE_TIME);
            nodes.node(0).kill();
            nodes.node(3).kill();
            for (int i = 0; i < 5; i++) {
                Optional<Lock> none = contender.tryAcquire(List.of("reason:held"), LEASE_TIME, Duration.ZERO);
                assertThat(none).isEmpty();
            }
            LockAcquisitionException e = catchThrowableOfType(
                    () -> contender.acquire(List.of("reason:held"), LEASE_TIME, Duration.ZERO),
                    LockAcquisitionException.class);
            assertThat(e.reason()).isEqualTo(LockAcquisitionException.Reason.HELD);
            assertThat(e).hasMessageStartingWith("RL1001");
            held.release();
        }
    }

    @Test
    void aVoteNotYetAnswered_isPending(RedisNodes nodes) throws InterruptedException {
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).commandTimeout(Duration.ofSeconds(10))
                .build()) {
            nodes.node(4).pause();
            Lock lock;
            try {
                lock = redlock.acquire(List.of("reason:pending"), LEASE_TIME); // granted by four, at quorum
                assertThat(lock.votes().get(4)).isEqualTo(
                        new NodeVote(nodes.node(4).host() + ":" + nodes.node(4).port(), NodeVote.Outcome.PENDING,
                                null));
                assertThat(lock.votes()).filteredOn(NodeVote::granted).hasSizeGreaterThanOrEqualTo(3);
                assertThat(lock.votes()).extracting(NodeVote::outcome).containsOnly(NodeVote.Outcome.GRANTED,
                        NodeVote.Outcome.PENDING);
            } finally {
                nodes.node(4).resume();
            }
            lock.release();
            WakeUpIT.awaitAnswered(lock); // release returns at quorum: every node answers eventually
            assertThat(lock.votes()).extracting(NodeVote::outcome).doesNotContain(NodeVote.Outcome.PENDING);
        }
    }

    private static void assertUnreachable(LockAcquisitionException e, List<RedisNode> down, RedisNodes nodes) {
        assertThat(e).as("tryAcquire must throw, not return empty").isNotNull();
        assertThat(e.reason()).isEqualTo(LockAcquisitionException.Reason.UNREACHABLE);
        assertThat(e.getMessage()).startsWith("RL1002");
        for (RedisNode n : down) {
            assertThat(e.getMessage()).contains(n.host() + ":" + n.port() + ": ");
        }
        assertThat(e.votes()).extracting(NodeVote::outcome).doesNotContain(NodeVote.Outcome.PENDING,
                NodeVote.Outcome.GRANTED);
        for (RedisNode n : nodes.nodes()) {
            NodeVote v = e.votes().get(nodes.nodes().indexOf(n));
            assertThat(v.outcome()).as(v.toString())
                    .isEqualTo(down.contains(n) ? NodeVote.Outcome.ERROR : NodeVote.Outcome.HELD);
        }
    }
}
