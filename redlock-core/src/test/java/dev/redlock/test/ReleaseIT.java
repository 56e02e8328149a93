package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.redlock.api.NodeVote;
import dev.redlock.core.Lock;
import dev.redlock.core.Redlock;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

@WithRedisNodes(count = 3)
final class ReleaseIT {

    @Test
    void releaseOfAnExpiredLock_returnsPromptly_andDoesNotTouchTheNextOwner(RedisNodes nodes) throws Exception {
        try (Redlock first = Redlock.builder().nodes(nodes.uris()).build();
                Redlock second = Redlock.builder().nodes(nodes.uris()).build()) {
            Lock stale = first.acquire(List.of("rel:a"), Duration.ofMillis(200));
            WakeUpIT.awaitTrue(() -> !first.isLocked("rel:a"));
            Lock next = second.acquire(List.of("rel:a"), Duration.ofSeconds(30), Duration.ofSeconds(10));
            long start = System.nanoTime();
            stale.release(); // its validity ended, so it is lost, not released: no exception, nothing deleted
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(stale.isLost()).isTrue();
            assertThat(second.isLocked("rel:a")).isTrue();
            for (var n : nodes.nodes()) {
                assertThat(n.execute("GET", "rel:a")).isNotNull();
            }
            next.extend(Duration.ofSeconds(30)); // still ours
            next.release();
            WakeUpIT.awaitAnswered(next); // release returns at quorum; the last node answers a moment later
            assertThat(next.votes()).extracting(NodeVote::outcome).containsOnly(NodeVote.Outcome.GRANTED);
        }
    }

    @Test
    void extendOfALostLock_throws(RedisNodes nodes) throws Exception {
        try (Redlock r = Redlock.builder().nodes(nodes.uris()).build()) {
            Lock lock = r.acquire(List.of("rel:b"), Duration.ofMillis(200));
            WakeUpIT.awaitTrue(() -> !r.isLocked("rel:b"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> lock.extend(Duration.ofSeconds(5)))
                    .isInstanceOf(dev.redlock.api.LockLostException.class).hasMessageStartingWith("RL1010");
            assertThat(lock.isLost()).isTrue();
            assertThat(lock.lost().toCompletableFuture()).isCompleted();
            lock.release(); // harmless
        }
    }
}
