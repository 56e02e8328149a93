package dev.redlock.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

@WithRedisNodes(count = 3, lifecycle = WithRedisNodes.Lifecycle.PER_METHOD)
final class RedisNodesIT {

    @Test
    void threeIndependentNodes_startAndAnswerPing(RedisNodes nodes) {
        assertThat(nodes.size()).isEqualTo(3);
        Set<Integer> ports = new HashSet<>();
        for (RedisNode node : nodes.nodes()) {
            assertThat(node.ping()).as("%s answers PING", node).isTrue();
            assertThat(node.uri()).isEqualTo("redis://127.0.0.1:" + node.port());
            ports.add(node.port());
        }
        assertThat(ports).hasSize(3);
        assertThat(nodes.uris()).hasSize(3);

        nodes.node(0).execute("SET", "k", "v");
        assertThat(nodes.node(0).execute("GET", "k")).isEqualTo("v");
        assertThat(nodes.node(1).execute("GET", "k")).as("nodes are independent").isNull();
    }

    @Test
    void kill_makesOneNodeRefuseConnections_whileTheOthersAnswer(RedisNodes nodes) {
        nodes.node(1).kill();

        assertThat(nodes.node(1).isRunning()).isFalse();
        assertThat(nodes.node(1).ping()).isFalse();
        assertThatThrownBy(() -> nodes.node(1).execute("PING")).isInstanceOf(RedisCommandException.class)
                .hasMessageContaining(":" + nodes.node(1).port());
        assertThat(nodes.node(0).ping()).isTrue();
        assertThat(nodes.node(2).ping()).isTrue();
    }

    @Test
    void pause_makesCommandsTimeOut_andResumeBringsTheNodeBack(RedisNodes nodes) {
        RedisNode node = nodes.node(0);
        node.pause();
        assertThat(node.isPaused()).isTrue();
        assertThat(node.ping()).as("a frozen server answers nothing").isFalse();

        node.resume();
        assertThat(node.isPaused()).isFalse();
        assertThat(node.ping()).isTrue();
    }

    @Test
    void restart_comesBackEmpty_onTheSamePort(RedisNodes nodes) {
        RedisNode node = nodes.node(2);
        int port = node.port();
        long pid = node.pid();
        node.execute("SET", "before", "restart");

        node.restart();

        assertThat(node.port()).isEqualTo(port);
        assertThat(node.pid()).isNotEqualTo(pid);
        assertThat(node.ping()).isTrue();
        assertThat(node.execute("GET", "before")).isNull();
        assertThat(node.execute("DBSIZE")).isEqualTo(0L);
    }

    @Test
    void restart_afterKill_andAfterPause(RedisNodes nodes) {
        nodes.node(0).kill();
        nodes.node(0).restart();
        assertThat(nodes.node(0).ping()).isTrue();

        nodes.node(1).pause();
        nodes.node(1).restart();
        assertThat(nodes.node(1).ping()).isTrue();
        assertThat(nodes.node(1).isPaused()).isFalse();
    }

    @Test
    void stop_shutsDownGracefully(RedisNodes nodes) {
        nodes.node(0).stop();
        assertThat(nodes.node(0).isRunning()).isFalse();
        assertThatThrownBy(nodes.node(0)::stop).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("restart()");
    }

    @Test
    void flushAll_and_keys(RedisNodes nodes) {
        nodes.node(0).execute("SET", "a:1", "x");
        nodes.node(0).execute("SET", "a:2", "x");
        nodes.node(0).execute("SET", "b:1", "x");
        assertThat(nodes.node(0).keys("a:*")).containsExactly("a:1", "a:2");

        nodes.flushAll();
        assertThat(nodes.node(0).keys("*")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void errorReply_isReportedWithTheNode(RedisNodes nodes) {
        assertThatThrownBy(() -> nodes.node(0).execute("NOSUCHCOMMAND"))
                .isInstanceOf(RedisCommandException.class)
                .hasMessageContaining("127.0.0.1:" + nodes.node(0).port())
                .hasMessageContaining("NOSUCHCOMMAND");
        assertThat(nodes.node(0).execute("INCR", "n")).isEqualTo(1L);
        assertThat((List<Object>) nodes.node(0).execute("MGET", "n", "missing")).containsExactly("1", null);
    }
}
