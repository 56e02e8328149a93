package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import io.smallrye.health.AsyncHealthCheckFactory;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;

import dev.redlock.cdi.RedlockExtension;
import dev.redlock.health.HealthExtension;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.SystemProperties;
import dev.redlock.testkit.WithRedisNodes;

/** The checks as SmallRye Health reports them in a Weld SE application, against real nodes that die and return. */
@WithRedisNodes(count = 3, lifecycle = WithRedisNodes.Lifecycle.PER_METHOD)
final class RedlockHealthIT {

    @Test
    void readiness_upWithEveryNode_downNamingBothKilledNodes_upAgainOnceRestarted_livenessAlwaysUp(
            RedisNodes nodes) {
        Map<String, String> props = new HashMap<>();
        props.put("redlock.nodes", String.join(",", nodes.uris()));
        props.put("redlock.app-name", "health");
        props.put("redlock.command-timeout", "500ms");
        try (WeldContainer c = boot(props)) {
            SmallRyeHealthReporter reporter = c.select(SmallRyeHealthReporter.class).get();

            SmallRyeHealth ready = reporter.getReadiness();
            assertThat(ready.isDown()).as(ready.getPayload().toString()).isFalse();
            assertThat(data(ready).getString("default")).isEqualTo("UP: 3 of 3 nodes answered PING (quorum 2)");

            nodes.node(0).kill();
            nodes.node(2).kill();
            ready = reporter.getReadiness();
            assertThat(ready.isDown()).isTrue();
            String first = nodes.node(0).host() + ":" + nodes.node(0).port();
            String third = nodes.node(2).host() + ":" + nodes.node(2).port();
            assertThat(data(ready).getString("default")).isEqualTo("DOWN: 1 of 3 nodes answered PING (quorum 2);"
                    + " unreachable: " + first + ", " + third);
            assertThat(ready.getPayload().toString()).doesNotContain("redis://");
            SmallRyeHealth live = reporter.getLiveness();
            assertThat(live.isDown()).isFalse();
            assertThat(live.getPayload().toString()).contains("\"name\":\"redlock\"");

            nodes.node(0).restart();
            nodes.node(2).restart();
            // the clients reconnect on their own: ask as a probe would, each call bounded by the command timeout
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            ready = reporter.getReadiness();
            while (ready.isDown() && System.nanoTime() < end) {
                ready = reporter.getReadiness();
            }
            assertThat(ready.isDown()).as(ready.getPayload().toString()).isFalse();
            assertThat(data(ready).getString("default")).isEqualTo("UP: 3 of 3 nodes answered PING (quorum 2)");
        }
    }

    /** The data of the {@code redlock} check in a report. */
    private static JsonObject data(SmallRyeHealth health) {
        return health.getPayload().getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(o -> o.getString("name").equals("redlock")).findFirst().orElseThrow()
                .getJsonObject("data");
    }

    private static WeldContainer boot(Map<String, String> props) {
        return SystemProperties.during(props, () -> new Weld(UUID.randomUUID().toString()).disableDiscovery()
                .addBuildCompatibleExtensions(RedlockExtension.class, HealthExtension.class)
                .addBeanClasses(SmallRyeHealthReporter.class, AsyncHealthCheckFactory.class).initialize());
    }
}
