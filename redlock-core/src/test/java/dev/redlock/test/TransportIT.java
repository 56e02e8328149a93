package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.redlock.core.Lock;
import dev.redlock.core.Redlock;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/** The shared transport: few threads for many nodes, one event loop for every engine, closed with the last one. */
@WithRedisNodes(count = 5)
final class TransportIT {

    @Test
    void fiveNodes_startAtMostFourThreads(RedisNodes nodes) throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).build()) {
            // connections, scripts and a release channel subscription made: everything a lock needs has started
            try (Lock held = redlock.acquire(List.of("transport:a"), Duration.ofSeconds(10))) {
                assertThat(redlock.tryAcquire(List.of("transport:a"), Duration.ofSeconds(10), Duration.ofMillis(300)))
                        .isEmpty();
            }
            Set<String> started = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
                    .filter(t -> !t.getName().startsWith("ForkJoinPool")).map(Thread::getName)
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            assertThat(started).as("threads started by a five-node engine").hasSizeLessThanOrEqualTo(4);
        }
    }

    @Test
    void engines_shareOneEventLoop_closedWithTheLast(RedisNodes nodes) throws Exception {
        try (Redlock first = Redlock.builder().nodes(nodes.uris().subList(0, 3)).build();
                Redlock second = Redlock.builder().nodes(nodes.uris().subList(2, 5)).build()) {
            first.acquire(List.of("transport:b"), Duration.ofSeconds(10)).release();
            second.acquire(List.of("transport:b"), Duration.ofSeconds(10)).release();
            assertThat(ioThreads()).as("I/O threads of two engines on six node connections").hasSize(1);
        }
        WakeUpIT.awaitTrue(() -> ioThreads().isEmpty());
    }

    private static List<String> ioThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("redlock-io-")).toList();
    }
}
