package com.example.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.redlock.core.Lock;
import dev.redlock.core.Redlock;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/** A quorum survives one node down: the guide's "testing with redlock-testkit" snippet. */
// tag::testkit[]
@WithRedisNodes(count = 3)
final class NodeFailureIT {

    @Test
    void aQuorumOfTwoStillGrantsWithOneNodeDown(RedisNodes nodes) {
        nodes.node(0).kill(); // SIGKILL, as a crash would

        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).build();
                Lock lock = redlock.acquire(List.of("invoice:42"), Duration.ofSeconds(30))) {
            assertThat(lock.isLost()).isFalse();
            assertThat(nodes.node(1).keys("invoice:42")).hasSize(1);
            assertThat(nodes.node(2).keys("invoice:42")).hasSize(1);
        }
    }
}
// end::testkit[]
