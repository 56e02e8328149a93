package dev.redlock.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.redlock.core.Lock;
import dev.redlock.core.Redlock;
import dev.redlock.testkit.RedisNode;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/**
 * docs/production.md, "What is on the servers": the keys a lock leaves on a node, their expiry, and the page's own
 * clean-up patterns, which match the application's keys and never the shared {@code redlock:epoch}.
 */
@WithRedisNodes(count = 1)
final class ServerKeysIT {

    private static final Path PAGE = Path.of(System.getProperty("docs.dir")).resolve("production.md");
    private static final Pattern SCAN = Pattern.compile("--scan --pattern '([^']+)'");
    /** The key the page's example names: prefix redlock_hello:, no instance, module hello, resource greeting. */
    private static final String KEY = "redlock_hello:~:hello.greeting";
    private static final String FENCE = "{" + KEY + "}:fence";
    private static final String EPOCH = "redlock:epoch";

    @Test
    void aLocksKeys_expireButTheEpoch_andThePagesPatternsMatchAllButTheEpoch(RedisNodes nodes) throws IOException {
        RedisNode node = nodes.node(0);
        List<String> patterns = SCAN.matcher(Files.readString(PAGE)).results().map(m -> m.group(1)).toList();
        assertThat(patterns).as("the clean-up patterns of %s", PAGE).hasSize(2);

        try (Redlock engine = Redlock.builder().nodes(List.of(node.uri())).build()) {
            try (Lock lock = engine.acquire(List.of(KEY), Duration.ofSeconds(30))) {
                assertThat(node.keys("*")).containsExactlyInAnyOrder(KEY, FENCE, EPOCH);
                assertThat(pttl(node, KEY)).isBetween(1L, 30_000L);
                assertThat(pttl(node, FENCE)).as("max(lease time, 60 s)").isBetween(30_001L, 60_000L);
                assertThat(pttl(node, EPOCH)).as("the epoch marker never expires").isEqualTo(-1L);

                List<String> matched = new ArrayList<>();
                patterns.forEach(p -> matched.addAll(node.keys(p)));
                assertThat(matched).containsExactlyInAnyOrder(KEY, FENCE);
                lock.release();
            }
            assertThat(node.keys("*")).as("after release").containsExactlyInAnyOrder(FENCE, EPOCH);
        }
    }

    private static long pttl(RedisNode node, String key) {
        return ((Number) node.execute("PTTL", key)).longValue();
    }
}
