package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;

import dev.redlock.core.internal.Settings;

/** The engine's collected settings hold the passwords; printing them must not. */
final class SecretsTest {

    @Test
    void settingsToString_hidesPasswords() throws Exception {
        Settings.Stores stores = new Settings.Stores(new URL("file:/etc/ts.p12"), "ts-Secret-3",
                new URL("file:/etc/ks.p12"), "ks-Secret-4");
        Settings s = new Settings(List.of("redis://locker:uri-Secret-1@127.0.0.1:6379"), List.of(), "pw-Secret-2",
                stores, "app:", 0.01, -1, Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofMillis(500),
                Duration.ofSeconds(1), Duration.ofSeconds(5), false, Duration.ofSeconds(3), Duration.ofSeconds(60), false,
                null, 24,
                ForkJoinPool.commonPool());
        assertThat(s.toString()).doesNotContain("uri-Secret-1").doesNotContain("pw-Secret-2")
                .doesNotContain("ts-Secret-3").doesNotContain("ks-Secret-4").contains("app:")
                .contains("127.0.0.1:6379").contains("file:/etc/ts.p12");
    }
}
