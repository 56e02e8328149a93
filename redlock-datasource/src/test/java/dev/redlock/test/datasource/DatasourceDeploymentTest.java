package dev.redlock.test.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.h2.jdbcx.JdbcDataSource;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.redlock.datasource.DatasourceExtension;
import dev.redlock.datasource.DatasourceLevels;
import dev.redlock.test.TestJndi;
import dev.redlock.test.app.AppDataSources;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/**
 * Bad {@code redlock.datasources.*} and {@code redlock.jta.*} settings fail container start-up as deployment
 * problems, all of them together, each with its code and key; good mappings to the application's DataSource beans and
 * JNDI names start.
 */
// redlock-cdi is on the test class path: its extension starts with every container and needs a node
@WithRedisNodes
final class DatasourceDeploymentTest {

    private static final String NODES = "redlock.nodes";

    private static final String URL = "jdbc:h2:mem:deployment;DB_CLOSE_DELAY=-1";

    @AfterEach
    void releaseConfig() {
        AppConfig.release();
        TestJndi.unbind("java:comp/env/jdbc/reports");
    }

    private static WeldContainer boot() {
        return new Weld().disableDiscovery().addExtension(new DatasourceExtension())
                .addBeanClasses(AppDataSources.class).initialize();
    }

    private static DataSource h2(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    @Test
    void everyBadSetting_isOneDeploymentFailure_withEveryProblem() {
        AppDataSources.level0 = h2("bad-l0");
        AppDataSources.level1 = h2("bad-l1");
        Map<String, String> p = new HashMap<>();
        p.put("redlock.datasources.a.levels.0.bean", "nope");
        p.put("redlock.datasources.a.levels.1.bean", "app-l0");
        p.put("redlock.datasources.b.levels.0.bean", "app-l0");
        p.put("redlock.datasources.c.levels.0.jndi", "java:comp/env/jdbc/missing");
        p.put("redlock.datasources.d.levels.x.bean", "app-l1");
        p.put("redlock.datasources.e.levels.0.bean", "app-l1");
        p.put("redlock.datasources.e.levels.0.jndi", "java:comp/env/jdbc/missing");
        p.put("redlock.datasources.f.url", URL);
        p.put("redlock.datasources.f.pool-size", "0");
        p.put("redlock.jta.transaction-manager.jndi", "java:/nope");
        AppConfig.register(p);
        assertThatThrownBy(() -> boot().close()).isInstanceOf(DeploymentException.class)
                .hasMessageContaining("RL2513: redlock.datasources.a.levels.0.bean: no DataSource bean named 'nope'"
                        + " (by @Named or @Identifier); named DataSource beans: [app-l0, app-l1]")
                .hasMessageContaining("RL2516: redlock.datasources.b.levels.0.bean: maps to the same DataSource as"
                        + " redlock.datasources.a.levels.1.bean")
                .hasMessageContaining("RL2515: redlock.datasources.c.levels.0.jndi: JNDI lookup of"
                        + " 'java:comp/env/jdbc/missing' failed")
                .hasMessageContaining("RL2511: redlock.datasources.d.levels.x: the level must be a whole number")
                .hasMessageContaining("RL2512: redlock.datasources.e.levels.0.bean: a level maps to one DataSource,"
                        + " but redlock.datasources.e.levels.0.jndi is set too")
                .hasMessageContaining("RL2504: redlock.datasources.f.pool-size: must be at least 1, was 0")
                .hasMessageContaining("RL2519: redlock.jta.transaction-manager.jndi: JNDI lookup of 'java:/nope'"
                        + " failed");
    }

    @Test
    void twoBeansOfOneName_andTwoTransactionManagers_areRefused() {
        AppDataSources.level0 = h2("ambiguous-l0");
        AppDataSources.level1 = h2("ambiguous-l1");
        AppConfig.register(Map.of("redlock.datasources.default.url", URL, "redlock.datasources.default.levels.1.bean",
                "app-l1"));
        assertThatThrownBy(() -> new Weld().disableDiscovery().addExtension(new DatasourceExtension())
                .addBeanClasses(AppDataSources.class, DuplicateBeans.class).initialize().close())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("RL2514: redlock.datasources.default.levels.1.bean: more than one DataSource bean"
                        + " is named 'app-l1'")
                .hasMessageContaining("RL2521: more than one jakarta.transaction.TransactionManager bean");
    }

    @Test
    void aJndiNameBoundToSomethingElse_isRefused() {
        TestJndi.bind("java:comp/env/jdbc/reports", "not a DataSource");
        AppConfig.register(Map.of("redlock.datasources.reports.levels.1.jndi", "java:comp/env/jdbc/reports",
                "redlock.datasources.reports.url", URL));
        assertThatThrownBy(() -> boot().close()).isInstanceOf(DeploymentException.class)
                .hasMessageContaining("RL2515: redlock.datasources.reports.levels.1.jndi: JNDI name"
                        + " 'java:comp/env/jdbc/reports' is bound to a java.lang.String, not a javax.sql.DataSource");
    }

    @Test
    void sameJndiDataSourceForTwoLevels_isRefused_namingBothKeys() {
        TestJndi.bind("java:comp/env/jdbc/reports", h2("twice"));
        AppConfig.register(Map.of("redlock.datasources.reports.levels.0.jndi", "java:comp/env/jdbc/reports",
                "redlock.datasources.reports.levels.1.jndi", "java:comp/env/jdbc/reports"));
        assertThatThrownBy(() -> boot().close()).isInstanceOf(DeploymentException.class)
                .hasMessageContaining("RL2516: redlock.datasources.reports.levels.1.jndi: maps to the same DataSource"
                        + " as redlock.datasources.reports.levels.0.jndi");
    }

    @Test
    void mappedLevels_useTheAppsDataSources_andAnUnmappedLevelWithoutUrlFails(RedisNodes nodes) throws SQLException {
        AppDataSources.level0 = h2("good-l0");
        TestJndi.bind("java:comp/env/jdbc/reports", h2("good-l1"));
        AppConfig.register(Map.of(NODES, nodes.uris().get(0), "redlock.datasources.default.levels.0.bean", "app-l0",
                "redlock.datasources.default.levels.1.jndi", "java:comp/env/jdbc/reports"));
        try (WeldContainer c = boot()) {
            DatasourceLevels levels = c.select(DatasourceLevels.class).get();
            try (Connection l0 = levels.dataSource().getConnection()) {
                assertThat(l0.getMetaData().getURL()).startsWith("jdbc:h2:mem:good-l0");
            }
            String l1 = levels.switchDbIsolate(() -> {
                try (Connection conn = levels.dataSource().getConnection()) {
                    return conn.getMetaData().getURL();
                }
            });
            assertThat(l1).startsWith("jdbc:h2:mem:good-l1");
            assertThatThrownBy(() -> levels.switchDb(2, () -> levels.dataSource().getConnection()))
                    .isInstanceOf(SQLException.class)
                    .hasMessageStartingWith("RL2518: redlock.datasources.default: no DataSource for level 2");
        }
    }
}
