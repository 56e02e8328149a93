package dev.redlock.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.redlock.core.internal.KeyNames;
import dev.redlock.core.internal.ScriptsAccess;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/** White-box: the release script itself, called the way a buggy or hostile client would. */
@WithRedisNodes(count = 1)
final class ScriptSafetyIT {

    @Test
    void tokenlessOrForeignRelease_deletesNothing(RedisNodes nodes) {
        try (Redlock r = Redlock.builder().nodes(nodes.uris()).build()) {
            Lock lock = r.acquire(List.of("safe:k"), Duration.ofSeconds(30));
            var node = nodes.node(0);
            for (String token : new String[]{"", "0123456789abcdef0123456789abcdef"}) {
                Object deleted = node.execute("EVAL", ScriptsAccess.release(), "2", "safe:k", KeyNames.fence("safe:k"),
                        token, "1", "1", "60000", "0", "chan");
                assertThat(deleted).isEqualTo(0L);
                assertThat(node.execute("GET", "safe:k")).isNotNull();
            }
            assertThat(r.isLocked("safe:k")).isTrue();
            lock.release();
            assertThat(node.execute("GET", "safe:k")).isNull();
        }
    }
}
