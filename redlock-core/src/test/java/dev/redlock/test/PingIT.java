package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.redlock.api.NodeVote;
import dev.redlock.core.Redlock;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

@WithRedisNodes(count = 3, lifecycle = WithRedisNodes.Lifecycle.PER_METHOD)
final class PingIT {

    @Test
    void everyNodeUp_answersGranted_aKilledNodeAnswersError_namedWithoutCredentials(RedisNodes nodes) {
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).commandTimeout(Duration.ofMillis(500))
                .build()) {
            assertThat(redlock.ping()).extracting(NodeVote::outcome).containsOnly(NodeVote.Outcome.GRANTED)
                    .hasSize(3);
            nodes.node(1).kill();
            List<NodeVote> votes = redlock.ping();
            assertThat(votes).extracting(NodeVote::node).isEqualTo(redlock.nodes());
            assertThat(votes).extracting(NodeVote::outcome).containsExactly(NodeVote.Outcome.GRANTED,
                    NodeVote.Outcome.ERROR, NodeVote.Outcome.GRANTED);
            assertThat(votes.get(1).error()).isNotBlank();
            nodes.node(1).restart();
            assertThat(redlock.ping()).extracting(NodeVote::outcome).containsOnly(NodeVote.Outcome.GRANTED);
        }
    }
}
