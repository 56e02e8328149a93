package dev.redlock.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

final class DurationConverterTest {

    @Test
    void convert_unitsAndIso() {
        assertThat(DurationConverter.convert("200ms")).isEqualTo(Duration.ofMillis(200));
        assertThat(DurationConverter.convert("8s")).isEqualTo(Duration.ofSeconds(8));
        assertThat(DurationConverter.convert(" 1m ")).isEqualTo(Duration.ofMinutes(1));
        assertThat(DurationConverter.convert("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(DurationConverter.convert("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(DurationConverter.convert("PT8S")).isEqualTo(Duration.ofSeconds(8));
        assertThat(DurationConverter.convert("")).isNull();
    }

    @Test
    void convert_bareNumberOrGarbage_isRejectedWithTheExpectedForm() {
        assertThatThrownBy(() -> DurationConverter.convert("200")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a duration with a unit, such as 200ms, 8s, 1m, 2h or ISO-8601 PT8S, was '200'");
        assertThatThrownBy(() -> DurationConverter.convert("PTx")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DurationConverter.convert("8 sec")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void convert_beyondALong_isRejected() {
        assertThatThrownBy(() -> DurationConverter.convert("99999999999999999999s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long");
    }

    @Test
    void convert_controlCharactersAreEscapedInTheMessage() {
        assertThatThrownBy(() -> DurationConverter.convert("8\u0007x")).hasMessageContaining("8\\u0007x");
    }
}
