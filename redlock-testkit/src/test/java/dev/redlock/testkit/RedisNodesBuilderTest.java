package dev.redlock.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class RedisNodesBuilderTest {

    @Test
    void badArguments_failWithTheirName() {
        assertThatThrownBy(() -> RedisNodes.builder().count(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count must be at least 1, was 0");
        assertThatThrownBy(() -> RedisNodes.builder().password("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("password");
        assertThatThrownBy(() -> RedisNodes.builder().args("--port", null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("args");
        assertThatThrownBy(() -> RedisNodes.builder().searchPath(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("searchPath");
    }

    @Test
    void overrideProperty_namingNoExecutable_failsClearly() {
        System.setProperty(RedisBinary.OVERRIDE_PROPERTY, "/no/such/redis-server");
        try {
            assertThatThrownBy(() -> RedisNodes.start(1)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(RedisBinary.OVERRIDE_PROPERTY).hasMessageContaining("/no/such/redis-server");
        } finally {
            System.clearProperty(RedisBinary.OVERRIDE_PROPERTY);
        }
    }
}
