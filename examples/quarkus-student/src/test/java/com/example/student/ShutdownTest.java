package com.example.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.demo.LocalRedis;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

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
}
