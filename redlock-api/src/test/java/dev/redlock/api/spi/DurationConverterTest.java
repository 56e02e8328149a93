package dev.redlock.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

final class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void convert_unitsAndIso() {
        assertThat(converter.convert("200ms")).isEqualTo(Duration.ofMillis(200));
        assertThat(converter.convert("8s")).isEqualTo(Duration.ofSeconds(8));
        assertThat(converter.convert(" 1m ")).isEqualTo(Duration.ofMinutes(1));
        assertThat(converter.convert("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(converter.convert("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(converter.convert("PT8S")).isEqualTo(Duration.ofSeconds(8));
        assertThat(converter.convert("")).isNull();
    }

    @Test
    void convert_bareNumberOrGarbage_isRejectedWithTheExpectedForm() {
        assertThatThrownBy(() -> converter.convert("200")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a duration with a unit, such as 200ms, 8s, 1m, 2h or ISO-8601 PT8S, was '200'");
        assertThatThrownBy(() -> converter.convert("PTx")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> converter.convert("8 sec")).isInstanceOf(IllegalArgumentException.class);
    }
}
