package com.example.student;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.demo.LocalRedis;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.redlock.testkit.RedisNode;

/**
 * {@code /q/health/ready} and {@code /q/health/live} as redlock-health reports them on Quarkus, while two of the
 * three local nodes die and return. Shares {@link ShutdownTest}'s application (same profile): no extra start.
 */
@QuarkusTest
@TestProfile(ShutdownTest.Restarted.class)
class HealthTest {

    private static final String REDLOCK = "checks.find { it.name == 'redlock' }.";

    @Inject
    LocalRedis localRedis;

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
