package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.redlock.api.NodeVote;
import dev.redlock.core.Lock;
import dev.redlock.core.LockEvent;
import dev.redlock.core.Redlock;
import dev.redlock.testkit.RedisNode;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/**
 * A release returns once a quorum of nodes deleted the key (or no longer holds it); a node that is down or paused
 * is finished in the background, and a release never throws for a minority that is down.
 */
@WithRedisNodes(count = 3, lifecycle = WithRedisNodes.Lifecycle.PER_METHOD)
final class ReleaseAtQuorumIT {

    @Test
    void onePausedNode_releaseReturns_andTheKeyIsGoneThereAfterResume(RedisNodes nodes) throws Exception {
        RedisNode paused = nodes.node(2);
        java.util.concurrent.ConcurrentLinkedQueue<LockEvent> events = new java.util.concurrent.ConcurrentLinkedQueue<>();
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).listener(events::add).build()) {
            Lock lock = redlock.acquire(List.of("rq:paused"), Duration.ofSeconds(60));
            WakeUpIT.awaitAnswered(lock); // every node holds the key
            assertThat(paused.execute("GET", "rq:paused")).isNotNull();
            paused.pause();
            try {
                lock.release(); // a quorum (the two running nodes) deletes: no exception, no wait for the paused one
                assertThat(events).extracting(LockEvent::type).contains(LockEvent.Type.RELEASED);
                assertThat(redlock.isLocked("rq:paused")).isFalse();
                assertThat(lock.votes().get(2).outcome()).isIn(NodeVote.Outcome.PENDING, NodeVote.Outcome.ERROR);
            } finally {
                paused.resume();
            }
            awaitGone(paused, "rq:paused");
        }
    }

    /** close() right after a release that returned at quorum waits for the last node's answer. */
    @Test
    void closeRightAfterRelease_leavesTheKeyOnNoNode(RedisNodes nodes) {
        for (int i = 0; i < 20; i++) {
            String key = "rq:close:" + i;
            try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).build()) {
                redlock.acquire(List.of(key), Duration.ofSeconds(60)).release();
            }
            for (RedisNode n : nodes.nodes()) {
                assertThat(n.execute("GET", key)).as("%s on %s after close", key, n).isNull();
            }
        }
    }

    @Test
    void oneKilledNode_releaseNeverThrows(RedisNodes nodes) throws Exception {
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).build()) {
            for (int i = 0; i < 5; i++) {
                Lock lock = redlock.acquire(List.of("rq:killed:" + i), Duration.ofSeconds(60));
                if (i == 0) {
                    nodes.node(1).kill();
                }
                lock.release();
                assertThat(redlock.isLocked("rq:killed:" + i)).isFalse();
            }
        }
    }

    @Test
    void aNodeThatFailedTheRelease_isRetriedInTheBackground(RedisNodes nodes) throws Exception {
        RedisNode paused = nodes.node(0);
        // a short command timeout makes the paused node's first release attempt fail; the retry deletes the key
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).commandTimeout(Duration.ofMillis(200))
                .retryDelay(Duration.ofMillis(300)).build()) {
            Lock lock = redlock.acquire(List.of("rq:retried"), Duration.ofSeconds(60));
            WakeUpIT.awaitAnswered(lock);
            paused.pause();
            try {
                lock.release();
                // the first attempt times out while the node is paused (its error replaces the pending vote)
                WakeUpIT.awaitTrue(() -> lock.votes().get(0).outcome() == NodeVote.Outcome.ERROR);
            } finally {
                paused.resume();
            }
            awaitGone(paused, "rq:retried");
            // a retry (or the timed-out command, run on resume) deleted it; a retry's answer replaces the error
            WakeUpIT.awaitTrue(() -> lock.votes().get(0).outcome() != NodeVote.Outcome.ERROR);
        }
    }

    private static void awaitGone(RedisNode node, String key) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (node.execute("EXISTS", key) instanceof Long n && n != 0) {
            assertThat(System.nanoTime() - end).as("the key is still on " + node + " after 20 s").isNegative();
            Thread.sleep(20);
        }
    }
}
