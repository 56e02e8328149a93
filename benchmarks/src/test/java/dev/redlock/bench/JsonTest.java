package dev.redlock.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

final class JsonTest {

    @Test
    void parse_readsWhatTheNodeScriptPrints() {
        Object json = Json.parse("{\"metrics\":{\"ops_per_s\":5200.5,\"handoff_p50_us\":null},\"waitsUs\":[1,2e3],"
                + "\"s\":\"a\\\"b\\u0041\",\"ok\":true}");
        assertThat(json).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) json;
        assertThat(root.get("metrics"))
                .asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
                .containsEntry("ops_per_s", 5200.5).containsEntry("handoff_p50_us",
                        null);
        assertThat(root.get("waitsUs")).asInstanceOf(InstanceOfAssertFactories.list(Double.class))
                .containsExactly(1.0, 2000.0);
        assertThat(root.get("s")).isEqualTo("a\"bA");
        assertThat(root.get("ok")).isEqualTo(Boolean.TRUE);
    }

    @Test
    void parse_rejectsTrailingGarbage() {
        assertThatThrownBy(() -> Json.parse("{} x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset 3");
    }

    @Test
    void quote_escapesForTheScriptsArgument() {
        assertThat(Json.quote("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\n\"");
    }

    @Test
    void toSample_mapsMetricKeysAndWaitsInMicroseconds() {
        Sample s = NodeRedlock.toSample(Json.parse(
                "{\"metrics\":{\"grants_per_s\":300,\"violations\":0,\"handoff_p50_us\":null},\"waitsUs\":[5,7]}"));
        assertThat(s.get(Metric.GRANTS_PER_S)).isEqualTo(300.0);
        assertThat(s.get(Metric.VIOLATIONS)).isZero();
        assertThat(s.get(Metric.HANDOFF_P50_US)).isNaN();
        assertThat(Arrays.stream(s.waitNanos()).boxed()).containsExactly(5_000L, 7_000L);
    }
}
