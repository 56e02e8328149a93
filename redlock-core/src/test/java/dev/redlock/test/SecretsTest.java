package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;

import dev.redlock.core.internal.Settings;

/** The engine's collected settings hold the passwords; printing them must not. */
final class SecretsTest {

    @Test
    void settingsToString_hidesPasswords() {
        Settings s = new Settings(List.of("redis://locker:uri-Secret-1@127.0.0.1:6379"), List.of(), "pw-Secret-2",
                "app:", 0.01, -1, Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofMillis(500),
                Duration.ofSeconds(1), false, Duration.ofSeconds(3), Duration.ofSeconds(60), false, null, 24,
                ForkJoinPool.commonPool());
        assertThat(s.toString()).doesNotContain("uri-Secret-1").doesNotContain("pw-Secret-2").contains("app:")
                .contains("127.0.0.1:6379");
    }
}
