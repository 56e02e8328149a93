package dev.redlock.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

final class LifecycleIT {

    @Nested
    @WithRedisNodes(count = 2)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    final class PerClass {
        private static final List<RedisNodes> seen = new ArrayList<>();

        @BeforeAll
        static void before(RedisNodes nodes) {
            seen.add(nodes);
        }

        @Test
        @Order(1)
        void first(RedisNodes nodes) {
            seen.add(nodes);
        }

        @Test
        @Order(2)
        void second_getsTheSameServers(RedisNodes nodes) {
            seen.add(nodes);
            assertThat(seen).hasSize(3).allSatisfy(n -> assertThat(n).isSameAs(nodes));
            assertThat(nodes.size()).isEqualTo(2);
        }

        @AfterAll
        static void after() {
            assertThat(seen.get(0).node(0).isRunning()).as("still running within the class").isTrue();
        }
    }

    @Nested
    @WithRedisNodes(lifecycle = WithRedisNodes.Lifecycle.PER_METHOD)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    final class PerMethod {
        private static RedisNodes firstNodes;

        @Test
        @Order(1)
        void first(RedisNodes nodes) {
            firstNodes = nodes;
            assertThat(nodes.size()).isEqualTo(1);
        }

        @Test
        @Order(2)
        void second_getsFreshServers_andTheFirstAreStopped(RedisNodes nodes) {
            assertThat(nodes).isNotSameAs(firstNodes);
            assertThat(firstNodes.node(0).isRunning()).isFalse();
        }

        @Test
        @Order(3)
        @WithRedisNodes(count = 3, args = {"--requirepass", "s3cret"})
        void methodAnnotation_overridesTheClass(RedisNodes nodes) {
            assertThat(nodes.size()).isEqualTo(3);
            assertThat(nodes.node(0).ping()).as("the built-in client authenticates").isTrue();
            assertThat(nodes.node(0).execute("CONFIG", "GET", "requirepass")).asString().contains("s3cret");
        }
    }
}
