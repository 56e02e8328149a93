package com.example.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;

import dev.redlock.datasource.Datasource;

/** An injection point naming a datasource that is not configured fails the start with RL2501, naming the field. */
@QuarkusMainTest
@TestProfile(UnknownDatasourceTest.WithReports.class)
class UnknownDatasourceTest {

    /** Builds the application with {@link Reports}; no local nodes start. */
    public static final class WithReports implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(Reports.PROPERTY, "true", "redlock.nodes", "redis://127.0.0.1:1");
        }
    }

    /** A bean of this test's application only, injecting the datasource {@code reports}, which is not configured. */
    @ApplicationScoped
    @IfBuildProperty(name = Reports.PROPERTY, stringValue = "true")
    public static class Reports {

        static final String PROPERTY = "student.test.reports";

        @Inject
        @Datasource("reports")
        DataSource reports;

        void start(@Observes Startup startup) {
            // an observer, so that ArC keeps the bean
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void anUnknownDatasourceName_failsTheStart_namingTheInjectionPoint(LaunchResult result) {
        assertThat(result.getOutput() + result.getErrorOutput())
                .contains("RL2501: redlock.datasources.reports")
                .contains("injection point: " + Reports.class.getName() + ".reports");
    }
}
