package com.example.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * Bad {@code redlock.datasources.*} settings fail the application's start with all their RL25xx codes at once, as
 * {@code DatasourceExtension} does on Weld.
 */
@QuarkusMainTest
@TestProfile(BadDatasourceTest.BadSettings.class)
class BadDatasourceTest {

    /** A pool size that is not a number and a connection timeout below HikariCP's minimum. */
    public static final class BadSettings implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("redlock.datasources.default.pool-size", "four",
                    "redlock.datasources.default.connection-timeout", "10ms", "redlock.nodes", "redis://127.0.0.1:1");
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void badDatasourceSettings_failTheStart_withAllTheirCodes(LaunchResult result) {
        assertThat(result.getOutput() + result.getErrorOutput())
                .contains("RL2503: redlock.datasources.default.pool-size")
                .contains("RL2506: redlock.datasources.default.connection-timeout");
    }
}
