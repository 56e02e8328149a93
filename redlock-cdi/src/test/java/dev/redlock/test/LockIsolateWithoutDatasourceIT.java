package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.redlock.api.IsolateOptions;
import dev.redlock.api.spi.DatasourceIsolation;
import dev.redlock.test.app.Res;
import dev.redlock.test.app.student.MetaRedlock;
import dev.redlock.testkit.RedisNode;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/**
 * Without redlock-datasource (no {@link DatasourceIsolation} bean is deployed, and none is on this module's class
 * path) {@code lockIsolate} behaves exactly like {@code lock}: same key, same lock, and a datasource named in its
 * options is not checked.
 */
@WithRedisNodes(count = 1)
final class LockIsolateWithoutDatasourceIT {

    @Test
    void lockIsolate_isLock(RedisNodes nodes) throws Exception {
        RedisNode node = nodes.node(0);
        try (WeldContainer c = Containers.boot(Containers.config(node.uri()), MetaRedlock.class)) {
            assertThat(c.select(DatasourceIsolation.class).isResolvable()).isFalse();
            MetaRedlock redlock = c.select(MetaRedlock.class).get();
            String key;
            try (Hold hold = Hold.start(body -> redlock.lock(Res.NAME, body))) {
                key = node.keys("*demo-student.name").get(0);
                hold.release().get(30, TimeUnit.SECONDS);
            }
            try (Hold hold = Hold.start(body -> redlock.lockIsolate(Res.NAME, body))) {
                assertThat(node.keys("*demo-student.name")).as("the key lock takes").containsExactly(key);
                hold.release().get(30, TimeUnit.SECONDS);
            }
            String result = redlock.lockIsolate(Res.NAME, IsolateOptions.defaults().withDatasource("reports"),
                    session -> "ran");
            assertThat(result).as("the datasource name is ignored").isEqualTo("ran");
            assertThat(node.keys("*demo-student.name")).as("released").isEmpty();
        }
    }
}
