package com.example.student;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.demo.LocalRedis;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.redlock.testkit.RedisNode;

/**
 * Runs after {@link QuarkusStudentTest} under another test profile (Quarkus orders test classes without a profile
 * first), so Quarkus stopped that application before starting this one: its Redis nodes are gone (redlock closed its engines, {@link LocalRedis} stopped the nodes), and this
 * application started nodes of its own.
 */
@QuarkusTest
@TestProfile(ShutdownTest.Restarted.class)
class ShutdownTest {

    /** A profile of its own: Quarkus restarts the application for it. */
    public static final class Restarted implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("redlock.app-name", "restarted");
        }
    }

    @Inject
    LocalRedis localRedis;

    @Test
    void theFirstApplicationsNodes_stoppedWithIt() {
        String pids = System.getProperty(QuarkusStudentTest.PIDS);
        assertThat(pids).as("QuarkusStudentTest ran first and handed over its nodes' pids").isNotBlank();
        List<Long> previous = Arrays.stream(pids.split(",")).map(Long::valueOf).toList();
        assertThat(previous).allSatisfy(p -> assertThat(ProcessHandle.of(p).filter(ProcessHandle::isAlive))
                .as("redis-server %d", p).isEmpty());
        assertThat(localRedis.pids()).hasSize(LocalRedis.NODES).doesNotContainAnyElementsOf(previous);
    }

    /** The redlock check in a health report, as a GPath prefix. */
    static final String REDLOCK = "checks.find { it.name == 'redlock' }.";

    /**
     * {@code /q/health/ready} and {@code /q/health/live} as redlock-health reports them on Quarkus, while two of the
     * three local nodes die and return. In this application (not the first), so that no other test needs the nodes
     * meanwhile, and in this class, which Quarkus runs after {@link QuarkusStudentTest}.
     */
    @Test
    void ready_whileAQuorumAnswers_downNamingBothKilledNodes_upOnceRestarted_liveThroughout() {
        given().get("/q/health/ready").then().statusCode(200).body(REDLOCK + "status", equalTo("UP"))
                .body(REDLOCK + "data.default", equalTo("UP: 3 of 3 nodes answered PING (quorum 2)"));

        RedisNode first = localRedis.node(0);
        RedisNode third = localRedis.node(2);
        first.kill();
        third.kill();
        given().get("/q/health/ready").then().statusCode(503).body(REDLOCK + "status", equalTo("DOWN"))
                .body(REDLOCK + "data.default", equalTo("DOWN: 1 of 3 nodes answered PING (quorum 2); unreachable: "
                        + first.host() + ":" + first.port() + ", " + third.host() + ":" + third.port()));
        given().get("/q/health/live").then().statusCode(200).body(REDLOCK + "status", equalTo("UP"));

        first.restart();
        third.restart();
        // the clients reconnect on their own: probe as an orchestrator would, each probe bounded by the timeout
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (given().get("/q/health/ready").statusCode() != 200 && System.nanoTime() < end) {
            // the next probe
        }
        given().get("/q/health/ready").then().statusCode(200).body(REDLOCK + "status", equalTo("UP"));
    }
}
