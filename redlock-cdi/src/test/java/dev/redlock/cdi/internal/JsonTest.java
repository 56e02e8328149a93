package dev.redlock.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.redlock.api.HeldLock;

final class JsonTest {

    @Test
    void strings_likeVonaJsPrintsThem() {
        assertThat(Json.strings(List.of("a-auth:redlock", "demo-student:redlock")))
                .isEqualTo("[\n  \"a-auth:redlock\",\n  \"demo-student:redlock\"\n]");
        assertThat(Json.strings(List.of())).isEqualTo("[]");
    }

    @Test
    void quote_escapes() {
        assertThat(Json.quote("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
    }

    @Test
    void locks() {
        assertThat(Json.locks(List.of(new HeldLock("k", "ab12", Duration.ofMillis(1500), 7, 2)))).isEqualTo(
                "[\n  {\"key\": \"k\", \"owner\": \"ab12\", \"remainingTtl\": \"PT1.5S\", \"fencingToken\": 7,"
                        + " \"waiters\": 2, \"state\": \"HELD\"}\n]");
    }
}
