package dev.redlock.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The one value check and the one duration bound. */
final class KeyTextTest {

    @Test
    void problem_namesTheFirstBrokenRule() {
        assertThat(KeyText.PLACEHOLDER_VALUE.problem("a b")).isNull();
        assertThat(KeyText.PLACEHOLDER_VALUE.problem("")).isEqualTo("must not be empty");
        assertThat(KeyText.INSTANCE.problem("")).isNull();
        assertThat(KeyText.PLACEHOLDER_VALUE.problem("x".repeat(257))).isEqualTo("must be at most 256 characters, was 257");
        assertThat(KeyText.RESOURCE.problem("a\nb")).isEqualTo("must not contain control characters, found U+000A at"
                + " index 1");
        assertThat(KeyText.INSTANCE.problem("t{1}")).isEqualTo("must not contain '{' (Redis Cluster reads braces as a"
                + " hash tag), found at index 1");
        assertThat(KeyText.engine(10).problem("{tag}:x")).isNull();
        assertThat(KeyText.engine(10).problem("\u007f")).contains("U+007F");
    }

    @Test
    void check_namesTheValue() {
        assertThatThrownBy(() -> KeyText.engine(3).check("abcd", "keys[0]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("keys[0] must be at most 3 characters, was 4");
        assertThatThrownBy(() -> KeyText.engine(3).check(null, "key")).isInstanceOf(NullPointerException.class)
                .hasMessage("key");
        assertThatThrownBy(() -> new KeyText(0, true, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void limits_tooLong() {
        assertThat(Limits.tooLong(Limits.MAX_DURATION)).isNull();
        assertThat(Limits.tooLong(Limits.MAX_DURATION.plusMillis(1))).isEqualTo("must be at most 24 days (PT576H)");
        assertThat(Limits.MAX_DURATION).isEqualTo(Duration.ofDays(24));
    }
}
