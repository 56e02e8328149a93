package dev.redlock.test.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

import dev.redlock.api.LockAcquisitionException;
import dev.redlock.api.LockLostException;
import dev.redlock.core.Lock;
import dev.redlock.core.Pauses;
import dev.redlock.core.Redlock;
import dev.redlock.test.faults.HistoryChecker.Failure;
import dev.redlock.test.faults.HistoryChecker.Outage;
import dev.redlock.test.faults.HistoryChecker.Register;
import dev.redlock.test.faults.HistoryChecker.Window;
import dev.redlock.testkit.NodeProxy;
import dev.redlock.testkit.RedisCommandException;
import dev.redlock.testkit.RedisNode;
import dev.redlock.testkit.RedisNodes;

/**
 * The fault-injection suite ({@code -Pfaults}, see docs/reliability.md): 5 independent nodes, 8 client engines
 * contending on 4 resources, each grant protected by a fenced register in a sixth Redis; a seeded nemesis kills and
 * later restarts nodes empty, pauses nodes (SIGSTOP) past the lease time, restarts nodes empty at once, pauses a
 * client's watchdog and thread past the lease time, and partitions client 0 (which reaches the nodes through the
 * testkit's proxies) from a majority of the nodes past the lease time. The {@link HistoryChecker} then checks token order, lost updates,
 * that every stale holder was told, and mutual exclusion, and measures the longest gap between grants.
 *
 * <p>Settings: {@code -Dfaults.duration=PT2M} (ISO-8601), {@code -Dfaults.seed=N} (random and printed if absent),
 * {@code -Dfaults.min-grants=N} (default 20,000 per 2 minutes). The summary is printed and written to
 * {@code target/faults/seed-N.txt}.
 *
 * <p>The nemesis runs one fault at a time; the sleeps below are the faults' durations and the quiet gaps between
 * them (the timeline being tested), not synchronisation.
 */
final class NemesisIT {

    private static final int NODES = 5;
    private static final int CLIENTS = 8;
    private static final int RESOURCES = 4;
    /** The lease time, also the engines' maxLeaseTime: a node restarted empty sits out this long. */
    private static final Duration LEASE_TIME = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(2);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(250);
    /** Failures this long after a majority outage began are checked: their last attempt began after it. */
    private static final long SETTLE_NANOS = 4 * COMMAND_TIMEOUT.toNanos();
    /** One in this many iterations of a client checks a manual lock past its validity. */
    private static final int MANUAL_EVERY = 150;

    /** What the nemesis does. */
    enum Fault {
        /** SIGKILL a node, restart it empty after at least one maximum lease time. */
        KILL_THEN_RESTART_EMPTY,
        /** SIGSTOP a node for longer than the lease time, then SIGCONT. */
        PAUSE_NODE,
        /** Restart a node empty at once: the epoch marker must keep it from voting. */
        RESTART_EMPTY_AT_ONCE,
        /** Stall a client's watchdog and its thread past the lease time, as a GC pause would. */
        PAUSE_CLIENT,
        /** Cut client 0 off from a majority of the nodes (its own proxies) past the lease time, then heal. */
        PARTITION_CLIENT,
        /**
         * SIGKILL 3 of the 5 nodes for 2-3 s, then restart them empty: every acquisition that fails meanwhile must
         * say {@code UNREACHABLE} (never {@code HELD}) and name the three nodes.
         */
        KILL_MAJORITY,
        /**
         * A forward step of the wall clock of 1 or 2 nodes (a minority): Redis expires keys by its wall clock, so
         * the step expires the resources' lock keys there at once ({@code PEXPIRE key 1} does the same without
         * touching this machine's clock). The quorum still holds the keys elsewhere; an overlap this lets through
         * is labelled, not counted, and fencing must still reject the stale write.
         */
        CLOCK_STEP
    }

    /** What the nemesis records besides the fault windows. */
    private record Timeline(List<Window> windows, List<Outage> outages, List<Window> clockSteps) {
    }

    /**
     * A client: its engine, while paused the future its pause waits for, and the proxies it reaches the nodes
     * through (client 0 only; empty for the others, which connect directly).
     */
    private record Client(int index, Redlock engine, AtomicReference<CompletableFuture<Void>> pause,
            List<NodeProxy> proxies) {
    }

    @Test
    void locksHoldUnderFaults() throws Exception {
        Duration duration = Duration.parse(System.getProperty("faults.duration", "PT2M"));
        String seedProperty = System.getProperty("faults.seed", "");
        long seed = seedProperty.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(seedProperty.strip());
        long minGrants = Long.getLong("faults.min-grants", 20_000L * duration.toMillis() / 120_000);
        System.out.printf(Locale.ROOT, "faults: seed %d, %s (rerun with -Dfaults.seed=%d)%n", seed, duration, seed);

        ConcurrentLinkedQueue<Grant> history = new ConcurrentLinkedQueue<>();
        AtomicInteger acquireFailures = new AtomicInteger();
        ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger manualChecks = new AtomicInteger();
        ConcurrentLinkedQueue<String> manualViolations = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> otherFailures = new ConcurrentLinkedQueue<>();
        Timeline timeline = new Timeline(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<Window> windows = timeline.windows();
        Map<Fault, Integer> injected = new EnumMap<>(Fault.class);
        List<Client> clients = new ArrayList<>();
        ExecutorService workers = Executors.newFixedThreadPool(CLIENTS);
        try (RedisNodes nodes = RedisNodes.builder().count(NODES).args("--save", "", "--appendonly", "no").start();
                RedisNodes storage = RedisNodes.builder().count(1).args("--save", "", "--appendonly", "no").start();
                FencedRegister register = new FencedRegister(storage.node(0).uri())) {
            try {
                for (int i = 0; i < CLIENTS; i++) {
                    List<NodeProxy> proxies = i == 0
                            ? nodes.nodes().stream().map(n -> NodeProxy.start(n.host(), n.port())).toList()
                            : List.of();
                    List<String> uris = i == 0 ? proxies.stream().map(NodeProxy::uri).toList() : nodes.uris();
                    Redlock engine = Redlock.builder().nodes(uris).maxLeaseTime(LEASE_TIME)
                            .commandTimeout(COMMAND_TIMEOUT).retryDelay(Duration.ofMillis(50))
                            .retryJitter(Duration.ofMillis(50)).build();
                    clients.add(new Client(i, engine, new AtomicReference<>(), proxies));
                    // meet every node's epoch marker before the first fault: an engine that first contacts a node
                    // after it restarted empty cannot tell (docs/engine.md, Safety notes)
                    engine.acquire(List.of("warm-up:" + i), LEASE_TIME).release();
                }
                long start = System.nanoTime();
                long deadline = start + duration.toNanos();
                List<Future<?>> running = new ArrayList<>();
                for (Client c : clients) {
                    Recorder recorder = new Recorder(history, acquireFailures, failures, otherFailures, manualChecks,
                            manualViolations);
                    running.add(workers.submit(() -> work(c, register, deadline, seed, recorder)));
                }
                Random random = new Random(seed);
                while (System.nanoTime() - deadline < 0) {
                    Thread.sleep(200 + random.nextInt(800)); // a quiet gap
                    if (System.nanoTime() - deadline >= 0) {
                        break;
                    }
                    Fault fault = Fault.values()[random.nextInt(Fault.values().length)];
                    long from = System.nanoTime();
                    inject(fault, random, nodes, clients, timeline);
                    // the fault's reach: its own time plus one lease time (keys of a stalled holder, a quarantine)
                    windows.add(new Window(from, System.nanoTime() + LEASE_TIME.toNanos()));
                    injected.merge(fault, 1, Integer::sum);
                }
                for (Future<?> f : running) {
                    f.get(2, TimeUnit.MINUTES);
                }
                long end = System.nanoTime();

                Map<String, Register> registers = new TreeMap<>();
                for (int r = 0; r < RESOURCES; r++) {
                    String resource = "res" + r;
                    registers.put(resource, new Register(register.read(resource), register.accepted(resource)));
                }
                List<Grant> all = List.copyOf(history);
                List<String> clockStepEffects = new ArrayList<>();
                List<String> violations = new ArrayList<>(HistoryChecker.violations(all, registers,
                        timeline.clockSteps(), clockStepEffects));
                List<Failure> failed = List.copyOf(failures);
                violations.addAll(HistoryChecker.reasonViolations(failed, timeline.outages(), SETTLE_NANOS));
                violations.addAll(manualViolations);
                long reasonsChecked = HistoryChecker.checkedFailures(failed, timeline.outages(), SETTLE_NANOS);
                String summary = summary(seed, duration, all, acquireFailures.get(), List.copyOf(otherFailures), injected,
                        HistoryChecker.longestGap(all, start, end),
                        HistoryChecker.longestQuietGap(all, windows, start, end), violations);
                summary += String.format(Locale.ROOT, "  failed acquisitions during majority outages checked for"
                        + " reason UNREACHABLE naming the 3 nodes: %,d; manual locks checked lost past their"
                        + " validity: %,d%n  overlaps or untold holders labelled as clock-step effects: %d%n",
                        reasonsChecked, manualChecks.get(), clockStepEffects.size());
                StringBuilder effects = new StringBuilder();
                clockStepEffects.stream().limit(10).forEach(v -> effects.append("    ").append(v).append('\n'));
                summary += effects;
                System.out.println(summary);
                write(seed, summary);

                assertThat(violations).as("checker violations, seed %d", seed).isEmpty();
                // no grant can happen while a majority is down, nor for one lease time after (the restarted nodes'
                // quarantine): the liveness bar is for the time a quorum is up
                long outageNanos = timeline.outages().stream()
                        .mapToLong(o -> o.toNanos() - o.fromNanos() + LEASE_TIME.toNanos()).sum();
                long expected = (long) (minGrants * Math.max(0.0, 1.0 - (double) outageNanos / (end - start)));
                assertThat(all.size()).as("grants, seed %d (%d expected outside majority outages)", seed, expected)
                        .isGreaterThanOrEqualTo((int) expected);
                if (injected.containsKey(Fault.KILL_MAJORITY)) {
                    assertThat(reasonsChecked).as("failures checked in majority outages, seed %d", seed).isPositive();
                }
                assertThat(manualChecks.get()).as("manual locks checked, seed %d", seed).isPositive();
                if (duration.compareTo(Duration.ofMinutes(1)) >= 0) {
                    assertThat(injected.keySet()).as("fault kinds injected, seed %d", seed)
                            .containsExactlyInAnyOrder(Fault.values());
                }
            } finally {
                clients.forEach(c -> {
                    CompletableFuture<Void> p = c.pause().getAndSet(null);
                    if (p != null) {
                        p.complete(null);
                    }
                });
                workers.shutdownNow();
                workers.awaitTermination(30, TimeUnit.SECONDS);
                nodes.nodes().stream().filter(RedisNode::isPaused).forEach(RedisNode::resume);
                clients.forEach(c -> c.engine().close());
                clients.forEach(c -> c.proxies().forEach(NodeProxy::close));
            }
        }
    }

    /** What the clients record. */
    private record Recorder(ConcurrentLinkedQueue<Grant> history, AtomicInteger acquireFailures,
            ConcurrentLinkedQueue<Failure> failures, ConcurrentLinkedQueue<Throwable> otherFailures,
            AtomicInteger manualChecks, ConcurrentLinkedQueue<String> manualViolations) {
    }

    /**
     * One client's loop: lock a random resource, read the register, write it back plus one with the token; now and
     * then, check that a manual lock past its validity is reported lost.
     */
    private static Void work(Client c, FencedRegister register, long deadline, long seed, Recorder recorder) {
        ConcurrentLinkedQueue<Grant> history = recorder.history();
        ConcurrentLinkedQueue<Throwable> otherFailures = recorder.otherFailures();
        Random random = new Random(seed + 1 + c.index());
        while (System.nanoTime() - deadline < 0) {
            if (random.nextInt(MANUAL_EVERY) == 0) {
                manualLockExpires(c, recorder);
                continue;
            }
            String resource = "res" + random.nextInt(RESOURCES);
            long[] seen = new long[5]; // token, start, end, sequence, expired (1/0)
            try {
                c.engine().using(List.of(resource), LEASE_TIME, WAIT, lock -> {
                    seen[0] = lock.fencingToken();
                    seen[1] = System.nanoTime();
                    CompletableFuture<Void> pause = c.pause().get();
                    if (pause != null) {
                        pause.join(); // the client's process is paused: no progress until the nemesis resumes it
                    }
                    long value = register.read(resource);
                    seen[3] = register.write(resource, lock.fencingToken(), value + 1);
                    seen[4] = lock.remainingValidity().isZero() ? 1 : 0;
                    seen[2] = System.nanoTime();
                    return null;
                });
                history.add(grant(c, resource, seen, false));
            } catch (LockAcquisitionException e) {
                recorder.acquireFailures().incrementAndGet();
                recorder.failures().add(new Failure(c.index(), System.nanoTime(), e.reason(), e.getMessage()));
            } catch (RuntimeException e) {
                boolean told = e instanceof LockLostException
                        || java.util.Arrays.stream(e.getSuppressed()).anyMatch(LockLostException.class::isInstance);
                if (seen[1] != 0) {
                    history.add(grant(c, resource, seen, told));
                }
                if (!(e instanceof LockLostException)) {
                    otherFailures.add(e);
                }
            }
        }
        return null;
    }

    /**
     * A manual lock (no automatic extension) whose validity has run out on the engine's clock must read as lost:
     * {@code isLost()} true and {@code throwIfLost()} throwing, though no extension failed.
     */
    private static void manualLockExpires(Client c, Recorder recorder) {
        Lock lock;
        try {
            lock = c.engine().acquire(List.of("manual:" + c.index()), Duration.ofMillis(300), WAIT);
        } catch (LockAcquisitionException e) {
            return; // a fault: nothing to check
        }
        try {
            long until = lock.validUntilNanos();
            while (System.nanoTime() - until <= 0) {
                LockSupport.parkNanos(until - System.nanoTime() + 1_000_000); // the validity running out is the test
            }
            recorder.manualChecks().incrementAndGet();
            if (!lock.isLost()) {
                recorder.manualViolations().add("manual lock past its validity, isLost() false: " + lock.id());
            }
            try {
                lock.throwIfLost();
                recorder.manualViolations().add("manual lock past its validity, throwIfLost() passed: " + lock.id());
            } catch (LockLostException expected) {
                // told
            }
        } finally {
            try {
                lock.release();
            } catch (RuntimeException e) {
                recorder.otherFailures().add(e);
            }
        }
    }

    private static Grant grant(Client c, String resource, long[] seen, boolean told) {
        Grant.Write write = seen[2] == 0 ? Grant.Write.NONE : seen[3] > 0 ? Grant.Write.ACCEPTED : Grant.Write.REJECTED;
        return new Grant(c.index(), resource, seen[0], seen[1], seen[2], write, seen[3], seen[4] == 1, told);
    }

    private static void inject(Fault fault, Random random, RedisNodes nodes, List<Client> clients,
            Timeline timeline) throws InterruptedException {
        RedisNode node = nodes.node(random.nextInt(NODES));
        long leaseTime = LEASE_TIME.toMillis();
        switch (fault) {
            case KILL_THEN_RESTART_EMPTY -> {
                node.kill();
                Thread.sleep(leaseTime + random.nextInt(1000)); // down for at least one maximum lease time
                node.restart();
            }
            case PAUSE_NODE -> {
                node.pause();
                Thread.sleep(leaseTime + 200 + random.nextInt(800)); // longer than the lease time
                node.resume();
            }
            case RESTART_EMPTY_AT_ONCE -> node.restart();
            case PAUSE_CLIENT -> {
                Client c = clients.get(random.nextInt(clients.size()));
                CompletableFuture<Void> resume = new CompletableFuture<>();
                c.pause().set(resume);
                Pauses.stallWatchdog(c.engine(), resume);
                Thread.sleep(leaseTime + 200 + random.nextInt(800)); // longer than the lease time
                c.pause().set(null);
                resume.complete(null);
            }
            case PARTITION_CLIENT -> {
                List<NodeProxy> proxies = new ArrayList<>(clients.get(0).proxies());
                java.util.Collections.shuffle(proxies, random);
                List<NodeProxy> cut = proxies.subList(0, NODES / 2 + 1); // a majority: no quorum for client 0
                cut.forEach(NodeProxy::cut);
                Thread.sleep(leaseTime + 200 + random.nextInt(800)); // longer than the lease time
                cut.forEach(NodeProxy::heal);
            }
            case KILL_MAJORITY -> {
                List<Integer> down = shuffledNodes(random).subList(0, NODES / 2 + 1);
                down.forEach(i -> nodes.node(i).kill());
                long from = System.nanoTime();
                Thread.sleep(2000 + random.nextInt(1000)); // longer than one wait, so acquisitions fail meanwhile
                List<List<String>> names = new ArrayList<>();
                for (Client c : clients) {
                    names.add(down.stream().map(i -> c.proxies().isEmpty()
                            ? nodes.node(i).host() + ":" + nodes.node(i).port()
                            : c.proxies().get(i).host() + ":" + c.proxies().get(i).port()).toList());
                }
                timeline.outages().add(new Outage(from, System.nanoTime(), names));
                down.forEach(i -> nodes.node(i).restart());
            }
            case CLOCK_STEP -> {
                long from = System.nanoTime();
                for (int i : shuffledNodes(random).subList(0, 1 + random.nextInt(NODES / 2))) {
                    for (int r = 0; r < RESOURCES; r++) {
                        try {
                            nodes.node(i).execute("PEXPIRE", "res" + r, "1");
                        } catch (RedisCommandException e) {
                            // a node down cannot step
                        }
                    }
                }
                timeline.clockSteps().add(new Window(from, System.nanoTime() + LEASE_TIME.toNanos()));
            }
        }
    }

    private static List<Integer> shuffledNodes(Random random) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            all.add(i);
        }
        java.util.Collections.shuffle(all, random);
        return all;
    }

    private static String summary(long seed, Duration duration, List<Grant> all, int acquireFailures,
            List<Throwable> otherFailures, Map<Fault, Integer> injected, long longestGap, long longestQuietGap,
            List<String> violations) {
        long accepted = all.stream().filter(g -> g.write() == Grant.Write.ACCEPTED).count();
        long rejected = all.stream().filter(g -> g.write() == Grant.Write.REJECTED).count();
        long told = all.stream().filter(Grant::told).count();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "faults summary: seed %d, %d s, %d nodes, %d clients, %d resources%n",
                seed, duration.toSeconds(), NODES, CLIENTS, RESOURCES));
        s.append(String.format(Locale.ROOT, "  grants: %,d (writes accepted %,d, rejected %,d, not made %,d)%n",
                all.size(), accepted, rejected, all.size() - accepted - rejected));
        s.append(String.format(Locale.ROOT, "  acquisitions that timed out (wait %d s): %,d; other errors: %,d%n",
                WAIT.toSeconds(), acquireFailures, otherFailures.size()));
        otherFailures.stream().map(NemesisIT::describe).distinct().limit(5)
                .forEach(d -> s.append("    ").append(d).append('\n'));
        s.append("  faults injected: ").append(injected).append('\n');
        s.append(String.format(Locale.ROOT, "  lost-lease notifications (LockLostException): %,d%n", told));
        s.append(String.format(Locale.ROOT, "  longest gap between grants: %,d ms; outside fault windows: %,d ms%n",
                longestGap / 1_000_000, longestQuietGap / 1_000_000));
        s.append(String.format(Locale.ROOT, "  checker violations: %d%n", violations.size()));
        violations.stream().limit(20).forEach(v -> s.append("    ").append(v).append('\n'));
        return s.toString();
    }

    /** The exception, its causes and suppressed exceptions, one line. */
    private static String describe(Throwable t) {
        StringBuilder s = new StringBuilder(t.toString());
        for (Throwable x : t.getSuppressed()) {
            s.append(" [suppressed ").append(x).append(']');
        }
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            s.append(" [cause ").append(c).append(']');
        }
        return s.toString();
    }

    private static void write(long seed, String summary) throws IOException {
        Path dir = Path.of("target", "faults");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("seed-" + seed + ".txt"), summary, StandardCharsets.UTF_8);
    }
}
