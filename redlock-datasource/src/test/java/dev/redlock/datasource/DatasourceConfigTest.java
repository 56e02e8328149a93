package dev.redlock.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** {@code redlock.datasources.*}: what is read, and every bad value named by its full key. */
final class DatasourceConfigTest {

    private static final String URL = "jdbc:h2:mem:config-test";

    static Config config(Map<String, String> properties, String... profiles) {
        return new SmallRyeConfigBuilder().withProfiles(java.util.List.of(profiles))
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
    }

    static Stream<Arguments> badConfig() {
        return Stream.of(
                Arguments.of(Map.of("redlock.datasources.default.user", "sa"), "RL2502",
                        "redlock.datasources.default.url"),
                Arguments.of(Map.of("redlock.datasources.default.url", ""), "RL2502",
                        "redlock.datasources.default.url"),
                Arguments.of(Map.of("redlock.datasources.reports.url", URL, "redlock.datasources.reports.pool-size", "0"),
                        "RL2504", "redlock.datasources.reports.pool-size"),
                Arguments.of(Map.of("redlock.datasources.default.url", URL, "redlock.datasources.default.pool-size", "-3"),
                        "RL2504", "redlock.datasources.default.pool-size"),
                Arguments.of(Map.of("redlock.datasources.default.url", URL, "redlock.datasources.default.pool-size", "ten"),
                        "RL2503", "redlock.datasources.default.pool-size"),
                Arguments.of(Map.of("redlock.datasources.default.url", URL, "redlock.datasources.default.pool-size", "1.5"),
                        "RL2503", "redlock.datasources.default.pool-size"),
                Arguments.of(Map.of("redlock.datasources.default.url", URL,
                        "redlock.datasources.default.connection-timeout", "soon"), "RL2505",
                        "redlock.datasources.default.connection-timeout"),
                Arguments.of(Map.of("redlock.datasources.default.url", URL,
                        "redlock.datasources.default.connection-timeout", "500"), "RL2505",
                        "redlock.datasources.default.connection-timeout"),
                Arguments.of(Map.of("redlock.datasources.default.url", URL,
                        "redlock.datasources.default.connection-timeout", "PT-1S"), "RL2506",
                        "redlock.datasources.default.connection-timeout"),
                Arguments.of(Map.of("redlock.datasources.default.url", URL,
                        "redlock.datasources.default.connection-timeout", "100ms"), "RL2506",
                        "redlock.datasources.default.connection-timeout"),
                Arguments.of(Map.of("redlock.datasources.default.url", URL, "redlock.datasources.default.pool-sise", "2"),
                        "RL2507", "redlock.datasources.default.pool-sise"),
                Arguments.of(Map.of("redlock.datasources.default.url", URL, "redlock.datasources..url", URL),
                        "RL2507", "redlock.datasources..url"),
                Arguments.of(Map.of("redlock.datasources.\"db.main\".url", URL,
                        "redlock.datasources.\"db.main\".pool-size", "x"), "RL2503",
                        "redlock.datasources.\"db.main\".pool-size"),
                Arguments.of(Map.of("redlock.datasources.default.levels.x.bean", "main"), "RL2511",
                        "redlock.datasources.default.levels.x"),
                Arguments.of(Map.of("redlock.datasources.default.levels.-1.jndi", "jdbc/main"), "RL2511",
                        "redlock.datasources.default.levels.-1"),
                Arguments.of(Map.of("redlock.datasources.default.levels.0.bean", "main",
                        "redlock.datasources.default.levels.0.jndi", "jdbc/main"), "RL2512",
                        "redlock.datasources.default.levels.0.bean"),
                Arguments.of(Map.of("redlock.datasources.default.url", URL, "redlock.datasources.default.levels.1.bean",
                        "isolated"), "RL2517", "redlock.datasources.default.levels.1.bean"),
                Arguments.of(Map.of("redlock.datasources.default.url", URL, "redlock.datasources.default.levels.1.jndi",
                        "java:comp/env/jdbc/none"), "RL2515", "redlock.datasources.default.levels.1.jndi"),
                Arguments.of(Map.of("redlock.jta.transaction-manager.jndi", "java:/none"), "RL2519",
                        "redlock.jta.transaction-manager.jndi"));
    }

    @Test
    void levels_areReadAsMappings_andAUrlIsThenOptional() {
        Map<String, String> properties = Map.of("redlock.datasources.default.levels.0.bean", " main ",
                "redlock.datasources.default.levels.1.jndi", "java:comp/env/jdbc/isolated");
        assertThat(read(properties, "default")).isEqualTo(DatasourceSettings.builder("default", null)
                .level(0, LevelSource.bean("main")).level(1, LevelSource.jndi("java:comp/env/jdbc/isolated")).build());
    }

    @ParameterizedTest
    @MethodSource
    void badConfig(Map<String, String> properties, String code, String key) {
        assertThatThrownBy(() -> DatasourceLevels.fromConfig(config(properties)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(code + ": " + key + ": ");
    }

    @Test
    void everyProblem_isReportedAtOnce() {
        Map<String, String> properties = Map.of("redlock.datasources.a.pool-size", "0", "redlock.datasources.b.url", URL,
                "redlock.datasources.b.connection-timeout", "1");
        assertThatThrownBy(() -> DatasourceLevels.fromConfig(config(properties)))
                .satisfies(e -> assertThat(e.getMessage().lines()).containsExactly(
                        "RL2502: redlock.datasources.a.url: missing; set the JDBC URL of datasource 'a', or map its"
                                + " levels to the application's DataSources with redlock.datasources.a.levels.<n>.bean"
                                + " or redlock.datasources.a.levels.<n>.jndi",
                        "RL2504: redlock.datasources.a.pool-size: must be at least 1, was 0",
                        "RL2505: redlock.datasources.b.connection-timeout: expected a duration with a unit, such as"
                                + " 200ms, 8s, 1m, 2h or ISO-8601 PT8S, was '1'"));
    }

    @Test
    void goodConfig_isReadWithDefaults() {
        Map<String, String> properties = new HashMap<>();
        properties.put("redlock.datasources.default.url", URL);
        properties.put("redlock.datasources.default.user", "sa");
        properties.put("redlock.datasources.default.password", "pw");
        properties.put("redlock.datasources.default.pool-size", "3");
        properties.put("redlock.datasources.default.connection-timeout", "750ms");
        properties.put("redlock.datasources.\"db.main\".url", URL);
        properties.put("redlock.datasources.\"db.main\".connection-timeout", "PT2S");
        properties.put("redlock.lease-time", "30s"); // not ours
        try (DatasourceLevels levels = DatasourceLevels.fromConfig(config(properties))) {
            assertThat(levels.datasources()).containsExactly("db.main", "default");
        }
        assertThat(read(properties, "default")).isEqualTo(DatasourceSettings.builder("default", URL).user("sa")
                .password("pw").poolSize(3).connectionTimeout(Duration.ofMillis(750)).build());
        assertThat(read(properties, "db.main")).isEqualTo(DatasourceSettings.builder("db.main", URL)
                .poolSize(DatasourceSettings.DEFAULT_POOL_SIZE).connectionTimeout(Duration.ofSeconds(2)).build());
    }

    @Test
    void profiles_countOnlyWhenActive() {
        Map<String, String> properties = Map.of("%test.redlock.datasources.default.url", URL,
                "%prod.redlock.datasources.reports.url", URL, "%test.redlock.datasources.default.pool-size", "2");
        try (DatasourceLevels levels = DatasourceLevels.fromConfig(config(properties, "test"))) {
            assertThat(levels.datasources()).containsExactly("default");
        }
        assertThat(read(properties, "default", "test").poolSize()).isEqualTo(2);
    }

    @Test
    void environmentVariables_declareDatasources() {
        Config config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new EnvConfigSource(Map.of("REDLOCK_DATASOURCES_MY_DB_URL", URL,
                        "REDLOCK_DATASOURCES_MY_DB_POOL_SIZE", "4"), 300))
                .build();
        try (DatasourceLevels levels = DatasourceLevels.fromConfig(config)) {
            assertThat(levels.datasources()).containsExactly("my-db");
        }
        assertThat(dev.redlock.datasource.internal.DatasourceConfigReader.read(config).get("my-db").poolSize())
                .isEqualTo(4);
    }

    @Test
    void nothingConfigured_isFine() {
        try (DatasourceLevels levels = DatasourceLevels.fromConfig(config(Map.of("redlock.lease-time", "8s")))) {
            assertThat(levels.datasources()).isEmpty();
            assertThat(levels.switchDbIsolate(null, levels::current)).isZero();
        }
    }

    private static DatasourceSettings read(Map<String, String> properties, String name, String... profiles) {
        return dev.redlock.datasource.internal.DatasourceConfigReader.read(config(properties, profiles)).get(name);
    }
}
