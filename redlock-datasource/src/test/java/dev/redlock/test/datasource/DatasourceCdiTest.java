package dev.redlock.test.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.redlock.datasource.Datasource;
import dev.redlock.datasource.DatasourceExtension;
import dev.redlock.datasource.DatasourceLevels;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/** {@link DatasourceLevels} as a CDI bean on Weld SE: configuration, qualified injection, start-up and shutdown. */
// redlock-cdi is on the test class path: its extension starts with every container and needs a node
@WithRedisNodes
final class DatasourceCdiTest {

    private static final String NODES = "redlock.nodes";

    private static final String MAIN = "jdbc:h2:mem:cdi-main;DB_CLOSE_DELAY=-1";
    private static final String REPORTS = "jdbc:h2:mem:cdi-reports;DB_CLOSE_DELAY=-1";

    @AfterEach
    void releaseConfig() {
        AppConfig.release();
    }

    private static Weld weld(Class<?>... beans) {
        return new Weld().disableDiscovery().addExtension(new DatasourceExtension()).addBeanClasses(beans);
    }

    @Test
    void qualifiedDataSources_followTheLevel_andLeaveTheAppsOwnAlone(RedisNodes nodes) throws Exception {
        AppConfig.register(Map.of(NODES, nodes.uris().get(0), "redlock.datasources.default.url", MAIN,
                "redlock.datasources.default.pool-size", "1",
                "redlock.datasources.default.connection-timeout", "500ms", "redlock.datasources.reports.url", REPORTS));
        DataSource main;
        try (WeldContainer container = weld(DatasourceConsumer.class, DatasourceAppOwnProducer.class).initialize()) {
            DatasourceConsumer consumer = container.select(DatasourceConsumer.class).get();
            main = consumer.main;
            DatasourceLevels levels = consumer.levels;
            assertThat(levels.datasources()).containsExactly("default", "reports");
            try (Connection c = consumer.appOwn.getConnection()) { // the application's own bean, not ours
                assertThat(c.getMetaData().getURL()).startsWith("jdbc:h2:mem:app-own");
            }
            try (Connection held = main.getConnection()) { // the only level-0 connection
                assertThat(held.isClosed()).isFalse();
                String url = levels.switchDbIsolate(() -> {
                    try (Connection c = main.getConnection()) {
                        return c.getMetaData().getURL();
                    }
                });
                assertThat(url).startsWith("jdbc:h2:mem:cdi-main");
            }
            try (Connection c = consumer.reports.getConnection()) {
                assertThat(c.getMetaData().getURL()).startsWith("jdbc:h2:mem:cdi-reports");
            }
            DataSource selected = container.select(DataSource.class, Datasource.Literal.of("reports")).get();
            try (Connection c = selected.getConnection()) {
                assertThat(c.getMetaData().getURL()).startsWith("jdbc:h2:mem:cdi-reports");
            }
        }
        assertThatThrownBy(main::getConnection).hasMessageContaining("RL2508"); // pools closed at shutdown
    }

    @Test
    void badConfiguration_failsStartUp_namingTheKey() {
        AppConfig.register(Map.of("redlock.datasources.default.url", MAIN, "redlock.datasources.default.pool-size", "0"));
        assertThatThrownBy(() -> weld(DatasourceAppOwnProducer.class).initialize().close())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("RL2504: redlock.datasources.default.pool-size: must be at least 1, was 0");
    }

    @Test
    void anUnknownQualifierName_failsStartUp_namingTheInjectionPoint() {
        AppConfig.register(Map.of("redlock.datasources.default.url", MAIN));
        assertThatThrownBy(() -> weld(DatasourceUnknownConsumer.class).initialize().close())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("RL2501: redlock.datasources.nope: unknown datasource 'nope'")
                .hasMessageContaining("configured: [default]")
                .hasMessageContaining("injection point: " + DatasourceUnknownConsumer.class.getName() + ".nope");
    }
}
