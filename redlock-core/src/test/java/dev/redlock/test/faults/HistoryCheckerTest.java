package dev.redlock.test.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.redlock.test.faults.Grant.Write;
import dev.redlock.test.faults.HistoryChecker.Register;
import dev.redlock.test.faults.HistoryChecker.Window;

/** The checker catches each kind of violation on a hand-made history, and passes a clean one. */
final class HistoryCheckerTest {

    private static Grant ok(int client, long token, long start, long end, long seq) {
        return new Grant(client, "r", token, start, end, Write.ACCEPTED, seq, false, false);
    }

    @Test
    void aCleanHistory_hasNoViolation() {
        List<Grant> h = List.of(ok(0, 10, 0, 5, 1), ok(1, 11, 6, 9, 2),
                new Grant(2, "r", 12, 3, 20, Write.REJECTED, -1, true, true), ok(0, 13, 21, 30, 3));
        assertThat(HistoryChecker.violations(h, Map.of("r", new Register(3, 3)))).isEmpty();
    }

    @Test
    void acceptedWritesOutOfTokenOrder_areCaught() {
        List<Grant> h = List.of(ok(0, 11, 0, 5, 1), ok(1, 10, 6, 9, 2));
        assertThat(HistoryChecker.violations(h, Map.of("r", new Register(2, 2))))
                .anyMatch(v -> v.startsWith("token order: r"));
    }

    @Test
    void aGapOrRepeatInTheRegistersSequence_isCaught() {
        List<Grant> h = List.of(ok(0, 10, 0, 5, 1), ok(1, 11, 6, 9, 1));
        assertThat(HistoryChecker.violations(h, Map.of("r", new Register(2, 2))))
                .anyMatch(v -> v.startsWith("sequence: r"));
    }

    @Test
    void aLostUpdate_isCaught() {
        List<Grant> h = List.of(ok(0, 10, 0, 5, 1), ok(1, 11, 6, 9, 2));
        assertThat(HistoryChecker.violations(h, Map.of("r", new Register(1, 2))))
                .containsExactly("lost update: r register value 1, register accepted 2, accepted writes in the"
                        + " history 2");
    }

    @Test
    void aRejectedOrExpiredHolderThatWasNotTold_isCaught() {
        Grant rejected = new Grant(3, "r", 9, 0, 5, Write.REJECTED, -1, false, false);
        Grant expired = new Grant(4, "r", 12, 10, 12, Write.NONE, 0, true, false);
        assertThat(HistoryChecker.violations(List.of(rejected, expired), Map.of()))
                .containsExactly("not told: " + rejected, "not told: " + expired);
    }

    @Test
    void twoHoldersAtOnce_areCaught_unlessOneWasTold() {
        Grant a = ok(0, 10, 0, 10, 1);
        Grant b = ok(1, 11, 5, 15, 2);
        assertThat(HistoryChecker.violations(List.of(a, b), Map.of("r", new Register(2, 2))))
                .anyMatch(v -> v.startsWith("two holders at once: r"));
        Grant toldA = new Grant(0, "r", 10, 0, 10, Write.REJECTED, -1, true, true);
        assertThat(HistoryChecker.violations(List.of(toldA, ok(1, 11, 5, 15, 1)), Map.of("r", new Register(1, 1))))
                .isEmpty();
    }

    @Test
    void theLongestQuietGap_skipsGapsThatAFaultTouches() {
        List<Grant> h = List.of(ok(0, 1, 10, 11, 1), ok(0, 2, 100, 101, 2), ok(0, 3, 130, 131, 3));
        assertThat(HistoryChecker.longestGap(h, 0, 140)).isEqualTo(90);
        assertThat(HistoryChecker.longestQuietGap(h, List.of(new Window(50, 60)), 0, 140)).isEqualTo(30);
    }
}
