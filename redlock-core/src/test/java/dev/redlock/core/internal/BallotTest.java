package dev.redlock.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.redlock.api.NodeVote;
import dev.redlock.api.NodeVote.Outcome;

/** The one quorum tally of acquire, extend and release: counts, the decision, and the votes it reports. */
final class BallotTest {

    private static final List<String> FIVE = List.of("a:1", "b:2", "c:3", "d:4", "e:5");

    @Test
    void decidedOnce_whenAQuorumGranted() {
        Ballot b = new Ballot(FIVE, 3);
        assertThat(b.granted(0, 7)).isFalse();
        assertThat(b.held(1, null)).isFalse();
        assertThat(b.granted(2, 9)).isFalse();
        assertThat(b.isDecided()).isFalse();
        assertThat(b.granted(3, 8)).isTrue();
        assertThat(b.isDecided()).isTrue();
        assertThat(b.quorumGranted()).isTrue();
        assertThat(b.maxGrantedValue()).isEqualTo(9);
        assertThat(b.allAnswered()).isFalse();
        assertThat(b.pending()).isEqualTo(1);
        // a late answer is recorded but does not decide again
        assertThat(b.granted(4, 10)).isFalse();
        assertThat(b.allAnswered()).isTrue();
        assertThat(b.grantedCount()).isEqualTo(4);
        assertThat(b.maxGrantedValue()).isEqualTo(10);
    }

    @Test
    void decided_whenAQuorumIsNoLongerReachable() {
        Ballot b = new Ballot(FIVE, 3);
        assertThat(b.held(0, null)).isFalse();
        assertThat(b.failed(1, new IllegalStateException("boom"))).isFalse();
        assertThat(b.granted(2, 1)).isFalse();
        // 1 granted + 2 pending = 3: still reachable
        assertThat(b.notVoting(3, "restarted")).isTrue();
        assertThat(b.quorumGranted()).isFalse();
        assertThat(b.failedCount()).isEqualTo(2);
        assertThat(b.tooManyFailed()).isFalse();
        assertThat(b.mayHold(0)).isFalse();
        assertThat(b.mayHold(1)).isTrue();
        assertThat(b.mayHold(2)).isTrue();
        assertThat(b.mayHold(3)).isFalse();
        assertThat(b.isFailed(1)).isTrue();
        assertThat(b.isGranted(2)).isTrue();
        assertThat(b.firstError()).hasMessage("boom");
    }

    @Test
    void tooManyFailed_whenMoreFailedThanAQuorumCanSpare() {
        Ballot b = new Ballot(List.of("a:1", "b:2", "c:3"), 2);
        b.granted(0, 0);
        assertThat(b.failed(1, new IllegalStateException("x"))).isFalse();
        assertThat(b.tooManyFailed()).isFalse();
        assertThat(b.failed(2, new IllegalStateException("y"))).isTrue();
        assertThat(b.tooManyFailed()).isTrue();
    }

    @Test
    void votes_areInNodeOrder_withPendingNodesShownAsPending() {
        Ballot b = new Ballot(List.of("a:1", "b:2", "c:3"), 2);
        b.held(2, "not held any more");
        b.failed(0, new java.util.concurrent.CompletionException(new IllegalStateException("refused")));
        assertThat(b.votes()).containsExactly(new NodeVote("a:1", Outcome.ERROR, "error (IllegalStateException: refused)"),
                new NodeVote("b:2", Outcome.PENDING, null),
                new NodeVote("c:3", Outcome.HELD, "not held any more"));
        List<String> seen = new ArrayList<>();
        b.forEachError((vote, error) -> seen.add(vote.node() + "=" + error.getMessage()));
        assertThat(seen).containsExactly("a:1=refused");
        assertThat(b.quorumAnswered()).isFalse();
        b.held(1, null);
        assertThat(b.quorumAnswered()).as("two of three refused").isTrue();
    }

    @Test
    void quorumAnswered_countsGrantsAndRefusals_notFailures() {
        Ballot b = new Ballot(FIVE, 3);
        b.held(0, null);
        b.failed(1, new IllegalStateException("down"));
        b.granted(2, 1);
        assertThat(b.quorumAnswered()).isFalse();
        b.held(3, null);
        assertThat(b.quorumAnswered()).isTrue();
    }

    @Test
    void aNodeVotesOnce() {
        Ballot b = new Ballot(List.of("a:1"), 1);
        b.granted(0, 1);
        assertThatThrownBy(() -> b.held(0, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("voted twice");
    }
}
