package com.example.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** A misspelt {@code redlock.*} key fails the application's start with its RL code, naming the key. */
@QuarkusMainTest
@TestProfile(BadKeyTest.Misspelt.class)
class BadKeyTest {

    /** {@code redlock.lease-tme}; and a node that is never contacted, so no local nodes start. */
    public static final class Misspelt implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("redlock.lease-tme", "5s", "redlock.nodes", "redis://127.0.0.1:1");
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void aMisspeltKey_failsTheStart_withItsCode(LaunchResult result) {
        assertThat(result.getOutput() + result.getErrorOutput()).contains("RL2100").contains("redlock.lease-tme");
    }
}
