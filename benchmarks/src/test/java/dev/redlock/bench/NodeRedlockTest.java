package dev.redlock.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON exchanged with the Node.js script, read and written with Jackson. */
final class NodeRedlockTest {

    @Test
    void toSample_mapsMetricKeysAndWaitsInMicroseconds() throws Exception {
        Sample s = NodeRedlock.toSample(
                "{\"metrics\":{\"grants_per_s\":300,\"violations\":0,\"handoff_p50_us\":null},\"waitsUs\":[5,7]}");
        assertThat(s.get(Metric.GRANTS_PER_S)).isEqualTo(300.0);
        assertThat(s.get(Metric.VIOLATIONS)).isZero();
        assertThat(s.get(Metric.HANDOFF_P50_US)).isNaN();
        assertThat(Arrays.stream(s.waitNanos()).boxed()).containsExactly(5_000L, 7_000L);
    }

    @Test
    void toSample_rejectsALineWithoutMetrics() {
        assertThatThrownBy(() -> NodeRedlock.toSample("{\"x\":1}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected {\"metrics\"");
    }

    @Test
    void config_isJsonTheScriptCanRead_evenWithQuotesInThePrefix() throws Exception {
        String config = NodeRedlock.config(Workload.W1, List.of("redis://127.0.0.1:1"),
                Settings.fromSystemProperties(), "p\"\\\n", List.of(42L));
        var node = new ObjectMapper().readTree(config);
        assertThat(node.get("workload").asText()).isEqualTo(Workload.W1.id());
        assertThat(node.get("prefix").asText()).isEqualTo("p\"\\\n");
        assertThat(node.get("uris").get(0).asText()).isEqualTo("redis://127.0.0.1:1");
        assertThat(node.get("serverPids").get(0).asLong()).isEqualTo(42L);
        assertThat(node.get("clockTicks").asLong()).isPositive();
    }
}
