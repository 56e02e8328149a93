package dev.redlock.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

final class LockOptionsTest {

    @Test
    void defaults_leaveEverythingToConfiguration() {
        LockOptions options = LockOptions.defaults();
        assertThat(options.instance()).isNull();
        assertThat(options.leaseTime()).isNull();
        assertThat(options.waitTime()).isNull();
        assertThat(options.client()).isNull();
    }

    @Test
    void builder_and_withers_roundTrip() {
        LockOptions options = LockOptions.builder().instance("tenant-1").leaseTime(Duration.ofSeconds(5))
                .waitTime(Duration.ZERO).client("orders").build();
        assertThat(options.toBuilder().build()).isEqualTo(options);
        assertThat(options.withInstance("")).extracting(LockOptions::instance).isEqualTo("");
        assertThat(options.withLeaseTime(Duration.ofMillis(1)).leaseTime()).isEqualTo(Duration.ofMillis(1));
        assertThat(options.withWaitTime(null).waitTime()).isNull();
    }

    @Test
    void badValues_failNamingTheOptionAndValue() {
        assertThatThrownBy(() -> LockOptions.builder().leaseTime(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("leaseTime must be positive, was PT0S");
        assertThatThrownBy(() -> LockOptions.builder().leaseTime(Duration.ofSeconds(-1)).build())
                .hasMessage("leaseTime must be positive, was PT-1S");
        assertThatThrownBy(() -> LockOptions.builder().waitTime(Duration.ofMillis(-1)).build())
                .hasMessage("waitTime must not be negative, was PT-0.001S");
        assertThatThrownBy(() -> LockOptions.builder().client(" ").build())
                .hasMessageStartingWith("client must not be blank");
        assertThatThrownBy(() -> LockOptions.builder().instance("a\nb").build())
                .hasMessageContaining("instance must not contain control characters").hasMessageContaining("U+000A");
        assertThatThrownBy(() -> LockOptions.builder().instance("{x}").build())
                .hasMessage("instance must not contain '{' (Redis Cluster reads braces as a hash tag), found at index 0");
        assertThatThrownBy(() -> LockOptions.builder().instance("x".repeat(257)).build())
                .hasMessage("instance must be at most 256 characters, was 257");
    }

    @Test
    void isolateOptions_checkTheirComponents() {
        assertThat(IsolateOptions.defaults().lock()).isEqualTo(LockOptions.defaults());
        assertThat(IsolateOptions.defaults().datasource()).isNull();
        assertThat(IsolateOptions.of(LockOptions.defaults()).withDatasource("reports").datasource())
                .isEqualTo("reports");
        assertThatThrownBy(() -> new IsolateOptions(null, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("lock");
        assertThatThrownBy(() -> IsolateOptions.defaults().withDatasource(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("datasource must not be blank");
    }
}
