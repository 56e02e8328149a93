package dev.redlock.test.faults;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.redlock.api.LockAcquisitionException;

/**
 * Checks a recorded history of grants against the fenced register's final state:
 * <ul>
 * <li><b>token order</b>: per resource, the accepted writes, in the order the register accepted them, carry
 * strictly increasing fencing tokens, and the register's sequence numbers are 1..n without gap or repeat;</li>
 * <li><b>no lost update</b>: per resource, the register's value equals the number of accepted writes, which equals
 * the accepted writes in the history;</li>
 * <li><b>told</b>: a holder whose write was rejected, or whose validity had run out by the time it wrote, was told
 * (it got {@code LockLostException});</li>
 * <li><b>mutual exclusion</b>: per resource, no two holders that were not told overlap in time.</li>
 * </ul>
 * It also measures liveness: the longest gap between consecutive grants outside the fault windows.
 */
public final class HistoryChecker {

    /** A fault's impact on liveness: from its start to the end of its recovery (expiry, quarantine). */
    public record Window(long fromNanos, long toNanos) {
    }

    /** The register's final state of one resource. */
    public record Register(long value, long accepted) {
    }

    /**
     * An acquisition that failed.
     *
     * @param client  the client (engine) index
     * @param atNanos when it failed
     * @param reason  the reason it gave
     * @param message its message
     */
    public record Failure(int client, long atNanos, LockAcquisitionException.Reason reason, String message) {
    }

    /**
     * A majority of the nodes down.
     *
     * @param fromNanos      when the last of them went down
     * @param toNanos        when the first of them came back
     * @param namesByClient  per client, the {@code host:port} by which it knows each node that is down
     */
    public record Outage(long fromNanos, long toNanos, List<List<String>> namesByClient) {
    }

    private HistoryChecker() {
    }

    /**
     * The failures during a majority outage that do not say so: every acquisition that fails while a majority of
     * the nodes is down, once {@code settleNanos} have passed (so its last attempt started after the outage
     * began), must give the reason {@code UNREACHABLE} (never {@code HELD}: no quorum answered) and name every node
     * that is down.
     *
     * @param failures    every failed acquisition
     * @param outages     the majority outages
     * @param settleNanos how long after an outage starts its failures are checked
     * @return one line per violation; empty if none
     */
    public static List<String> reasonViolations(List<Failure> failures, List<Outage> outages, long settleNanos) {
        List<String> out = new ArrayList<>();
        for (Failure f : failures) {
            for (Outage o : outages) {
                if (f.atNanos() - (o.fromNanos() + settleNanos) < 0 || f.atNanos() - o.toNanos() > 0) {
                    continue;
                }
                if (f.reason() != LockAcquisitionException.Reason.UNREACHABLE) {
                    out.add("wrong reason during a majority outage: " + f.reason() + ": " + f.message());
                }
                for (String name : o.namesByClient().get(f.client())) {
                    if (!f.message().contains(name)) {
                        out.add("node " + name + " (down) not named: " + f.message());
                    }
                }
            }
        }
        return out;
    }

    /**
     * The failures that {@link #reasonViolations} checks.
     *
     * @param failures    every failed acquisition
     * @param outages     the majority outages
     * @param settleNanos how long after an outage starts its failures are checked
     * @return how many failures fall into an outage, after its settle time
     */
    public static long checkedFailures(List<Failure> failures, List<Outage> outages, long settleNanos) {
        return failures.stream().filter(f -> outages.stream().anyMatch(o -> f.atNanos() - (o.fromNanos()
                + settleNanos) >= 0 && f.atNanos() - o.toNanos() <= 0)).count();
    }

    /**
     * All violations of the history.
     *
     * @param history   every grant
     * @param registers the register's final state, per resource
     * @return one line per violation; empty if none
     */
    public static List<String> violations(List<Grant> history, Map<String, Register> registers) {
        return violations(history, registers, List.of(), new ArrayList<>());
    }

    /**
     * All violations of the history, except that a holder not told and two holders at once are labelled as the
     * effect of a clock step, not counted, when a grant involved overlaps a clock-step window: a node whose wall
     * clock jumps forward expires its keys early, which Redlock does not protect against (docs/reliability.md);
     * token order and lost updates, the fencing guarantees, stay violations.
     *
     * @param history    every grant
     * @param registers  the register's final state, per resource
     * @param clockSteps the windows in which nodes' clocks jumped, and one lease time after
     * @param labelled   receives one line per effect of a clock step
     * @return one line per violation; empty if none
     */
    public static List<String> violations(List<Grant> history, Map<String, Register> registers,
            List<Window> clockSteps, List<String> labelled) {
        List<String> out = new ArrayList<>();
        Map<String, List<Grant>> byResource = new TreeMap<>();
        for (Grant g : history) {
            byResource.computeIfAbsent(g.resource(), k -> new ArrayList<>()).add(g);
            if ((g.write() == Grant.Write.REJECTED || g.expired()) && !g.told()) {
                (inClockStep(clockSteps, g) ? labelled : out).add("not told: " + g);
            }
        }
        for (Map.Entry<String, List<Grant>> e : byResource.entrySet()) {
            String resource = e.getKey();
            List<Grant> accepted = e.getValue().stream().filter(g -> g.write() == Grant.Write.ACCEPTED)
                    .sorted(Comparator.comparingLong(Grant::sequence)).toList();
            for (int i = 0; i < accepted.size(); i++) {
                Grant g = accepted.get(i);
                if (g.sequence() != i + 1) {
                    out.add("sequence: " + resource + " accepted write " + (i + 1) + " has sequence " + g.sequence()
                            + ": " + g);
                }
                if (i > 0 && g.token() <= accepted.get(i - 1).token()) {
                    out.add("token order: " + resource + " accepted " + g + " after " + accepted.get(i - 1));
                }
            }
            Register r = registers.getOrDefault(resource, new Register(0, 0));
            if (r.value() != r.accepted() || r.accepted() != accepted.size()) {
                out.add("lost update: " + resource + " register value " + r.value() + ", register accepted "
                        + r.accepted() + ", accepted writes in the history " + accepted.size());
            }
            List<Grant> believed = e.getValue().stream().filter(g -> !g.told() && g.endNanos() != 0)
                    .sorted(Comparator.comparingLong(Grant::startNanos)).toList();
            for (int i = 1; i < believed.size(); i++) {
                Grant prev = believed.get(i - 1);
                Grant next = believed.get(i);
                if (next.startNanos() < prev.endNanos()) {
                    boolean clock = inClockStep(clockSteps, prev) || inClockStep(clockSteps, next);
                    (clock ? labelled : out).add("two holders at once: " + resource + " " + prev + " and " + next);
                }
            }
        }
        return out;
    }

    private static boolean inClockStep(List<Window> clockSteps, Grant g) {
        long end = g.endNanos() == 0 ? g.startNanos() : g.endNanos();
        return clockSteps.stream().anyMatch(w -> w.fromNanos() < end && w.toNanos() > g.startNanos());
    }

    /**
     * The longest time without a new grant, counting only gaps that no fault window touches.
     *
     * @param history every grant
     * @param faults  the fault windows
     * @param from    the start of the run
     * @param to      the end of the run
     * @return the longest quiet gap, in nanoseconds
     */
    public static long longestQuietGap(List<Grant> history, List<Window> faults, long from, long to) {
        List<Long> starts = new ArrayList<>();
        starts.add(from);
        history.forEach(g -> starts.add(g.startNanos()));
        starts.add(to);
        starts.sort(null);
        long longest = 0;
        for (int i = 1; i < starts.size(); i++) {
            long a = starts.get(i - 1);
            long b = starts.get(i);
            boolean touched = faults.stream().anyMatch(w -> w.fromNanos() < b && w.toNanos() > a);
            if (!touched) {
                longest = Math.max(longest, b - a);
            }
        }
        return longest;
    }

    /**
     * The longest time without a new grant, faults or not.
     *
     * @param history every grant
     * @param from    the start of the run
     * @param to      the end of the run
     * @return the longest gap, in nanoseconds
     */
    public static long longestGap(List<Grant> history, long from, long to) {
        return longestQuietGap(history, List.of(), from, to);
    }
}
