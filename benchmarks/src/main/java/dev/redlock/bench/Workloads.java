package dev.redlock.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * W1–W6 over a {@link LockClient}, every grant through {@link LockClient#locked}, with the same definitions as the Node.js script ({@code redlock-bench.cjs}).
 * Timestamps are {@link System#nanoTime()}; every handle is released on the thread that acquired it.
 */
final class Workloads {

    private static final Runnable NOTHING = () -> {
    };

    private Workloads() {
    }

    /**
     * W1 and W3: one worker, {@code ops} × (acquire a distinct resource, release), after {@code warmup} untimed
     * pairs.
     */
    static <H> Sample serial(LockClient<H> client, String prefix, int warmup, int ops, Duration ttl)
            throws Exception {
        for (int i = 0; i < warmup; i++) {
            client.locked(prefix + "warm:" + i, ttl, NOTHING);
        }
        long[] pair = new long[ops];
        Counters before = Counters.now();
        long start = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            long t0 = System.nanoTime();
            client.locked(prefix + i, ttl, NOTHING);
            pair[i] = System.nanoTime() - t0;
        }
        long elapsed = System.nanoTime() - start;
        Counters after = Counters.now();
        long[] sorted = Stats.sorted(pair, ops);
        Map<Metric, Double> m = new EnumMap<>(Metric.class);
        after.since(before, ops, m);
        m.put(Metric.OPS_PER_S, ops * 1e9 / elapsed);
        m.put(Metric.P50_US, Stats.percentile(sorted, 0.50) / 1e3);
        m.put(Metric.P99_US, Stats.percentile(sorted, 0.99) / 1e3);
        return Sample.of(m, after.threadsSince(before, ops));
    }

    /**
     * W2: {@code workers} threads share one client and take distinct resources until {@code ops} pairs are done or
     * {@code time} has passed, after {@code warmup} untimed pairs spread over the same threads.
     */
    static <H> Sample parallel(LockClient<H> client, String prefix, int workers, int warmup, int ops, Duration time,
            Duration ttl) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemon("w2"));
        try {
            runParallel(pool, client, prefix + "warm:", workers, warmup, Long.MAX_VALUE, ttl);
            // the workers live until after the after-snapshot, so their CPU time and switches are counted
            return throughput(time, deadline -> runParallel(pool, client, prefix, workers, ops, deadline, ttl));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * W2a: one thread starts {@code inFlight} chains of acquireAsync → releaseAsync on distinct resources; each
     * chain starts its next pair from the completion of the last (on whatever thread completes it), until
     * {@code ops} pairs are done or {@code time} has passed, after {@code warmup} untimed pairs the same way.
     */
    static <H> Sample inFlight(LockClient<H> client, String prefix, int inFlight, int warmup, int ops, Duration time,
            Duration ttl) throws Exception {
        runInFlight(client, prefix + "warm:", inFlight, warmup, Long.MAX_VALUE, ttl);
        return throughput(time, deadline -> runInFlight(client, prefix, inFlight, ops, deadline, ttl));
    }

    /** A timed run until a deadline {@code time} from now: ops/s and the client's cost per pair. */
    private static Sample throughput(Duration time, Run run) throws Exception {
        Counters before = Counters.now();
        long start = System.nanoTime();
        int done = run.until(start + time.toNanos());
        long elapsed = System.nanoTime() - start;
        Counters after = Counters.now();
        Map<Metric, Double> m = new EnumMap<>(Metric.class);
        after.since(before, done, m);
        m.put(Metric.OPS_PER_S, done * 1e9 / elapsed);
        return Sample.of(m, after.threadsSince(before, done));
    }

    /** A run of pairs that stops at a deadline. */
    @FunctionalInterface
    private interface Run {
        /**
         * @param deadlineNanos when to stop ({@link System#nanoTime()})
         * @return the pairs done
         * @throws Exception what the run threw
         */
        int until(long deadlineNanos) throws Exception;
    }

    private static <H> int runInFlight(LockClient<H> client, String prefix, int inFlight, int ops, long deadlineNanos,
            Duration ttl) throws Exception {
        AtomicInteger tickets = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        CountDownLatch chains = new CountDownLatch(inFlight);
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        for (int c = 0; c < inFlight; c++) {
            new Object() {
                void next() {
                    int ticket = tickets.getAndIncrement();
                    if (ticket >= ops || System.nanoTime() >= deadlineNanos || failure.get() != null) {
                        chains.countDown();
                        return;
                    }
                    client.acquireAsync(prefix + ticket, ttl).thenCompose(client::releaseAsync)
                            .whenComplete((v, e) -> {
                                if (e != null) {
                                    failure.compareAndSet(null, e);
                                } else {
                                    done.incrementAndGet();
                                }
                                next();
                            });
                }
            }.next();
        }
        if (!chains.await(10, java.util.concurrent.TimeUnit.MINUTES)) {
            throw new IllegalStateException("W2a: chains did not finish");
        }
        Throwable e = failure.get();
        if (e instanceof UnsupportedOperationException u) {
            throw u;
        }
        if (e != null) {
            throw new IllegalStateException("W2a failed: " + e, e);
        }
        return done.get();
    }

    private static <H> int runParallel(ExecutorService pool, LockClient<H> client, String prefix, int workers,
            int ops, long deadlineNanos, Duration ttl) throws Exception {
        AtomicInteger tickets = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            futures.add(pool.submit(() -> {
                int ticket;
                while ((ticket = tickets.getAndIncrement()) < ops && System.nanoTime() < deadlineNanos) {
                    client.locked(prefix + ticket, ttl, NOTHING);
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        awaitAll(futures);
        return done.get();
    }

    /**
     * W4 and W5: {@code workers} threads, each with its own client from {@code clients}, loop on ONE resource:
     * acquire, check and set the "inside" flag, increment the shared counter, clear the flag, release; until
     * {@code maxGrants} grants or {@code time}.
     */
    static Sample contended(Supplier<LockClient<?>> clients, String resource, int workers, int maxGrants,
            Duration time, Duration ttl) throws Exception {
        List<LockClient<?>> opened = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemon("w4"));
        try {
            for (int w = 0; w < workers; w++) {
                opened.add(clients.get());
            }
            Contention state = new Contention(workers, maxGrants);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                LockClient<?> client = opened.get(w);
                futures.add(pool.submit(() -> {
                    go.await();
                    contendedWorker(client, state, worker, resource, ttl);
                    return null;
                }));
            }
            Counters before = Counters.now();
            state.start = System.nanoTime();
            state.deadline = state.start + time.toNanos();
            go.countDown();
            awaitAll(futures);
            Counters after = Counters.now(); // before the pool and the clients' threads end
            Sample s = state.sample();
            Map<Metric, Double> m = new EnumMap<>(s.metrics());
            after.since(before, state.allGrants.get(), m);
            return new Sample(m, s.waitNanos(), after.threadsSince(before, state.allGrants.get()));
        } finally {
            pool.shutdownNow();
            opened.forEach(LockClient::close);
        }
    }

    private static <H> void contendedWorker(LockClient<H> client, Contention s, int worker, String resource,
            Duration ttl) throws Exception {
        while (!s.stop.get()) {
            long requested = System.nanoTime();
            client.locked(resource, ttl, () -> {
                long granted = System.nanoTime();
                boolean record = !s.stop.get();
                // W5: nobody else may be inside; the counter is incremented without atomics on purpose
                if (!s.inside.compareAndSet(false, true)) {
                    s.violations.incrementAndGet();
                }
                s.counter = s.counter + 1;
                s.allGrants.incrementAndGet();
                if (record) {
                    int n = s.grants.incrementAndGet();
                    s.recordGrant(worker, granted - requested, granted);
                    if (n >= s.maxGrants || granted >= s.deadline) {
                        s.stopAt.compareAndSet(0, granted);
                        s.stop.set(true);
                    }
                }
                s.inside.set(false);
                s.lastReleaser = worker;
                s.lastReleaseAt = System.nanoTime(); // the release follows at once
            });
        }
    }

    /** The shared state of one W4 run. */
    private static final class Contention {
        final int maxGrants;
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong stopAt = new AtomicLong();
        final AtomicBoolean inside = new AtomicBoolean();
        final AtomicInteger violations = new AtomicInteger();
        final AtomicInteger grants = new AtomicInteger();
        final AtomicInteger allGrants = new AtomicInteger();
        volatile int counter;
        volatile int lastReleaser = -1;
        volatile long lastReleaseAt;
        volatile long start;
        volatile long deadline;
        final int[] perWorker;
        final long[][] waits;
        final int[] waitCount;
        final long[][] handoffs;
        final long[][] handoverWaits;
        final int[] handoffCount;

        Contention(int workers, int maxGrants) {
            this.maxGrants = maxGrants;
            this.perWorker = new int[workers];
            this.waits = new long[workers][64];
            this.waitCount = new int[workers];
            this.handoffs = new long[workers][64];
            this.handoverWaits = new long[workers][64];
            this.handoffCount = new int[workers];
        }

        /** Called by the holder only: the arrays of {@code worker} are written by its own thread. */
        void recordGrant(int worker, long wait, long grantedAt) {
            perWorker[worker]++;
            waits[worker] = append(waits[worker], waitCount[worker]++, wait);
            int previous = lastReleaser;
            if (previous >= 0 && previous != worker) {
                handoverWaits[worker] = append(handoverWaits[worker], handoffCount[worker], wait);
                handoffs[worker] = append(handoffs[worker], handoffCount[worker]++, grantedAt - lastReleaseAt);
            }
        }

        Sample sample() {
            long end = stopAt.get() != 0 ? stopAt.get() : System.nanoTime();
            double seconds = (end - start) / 1e9;
            long[] allWaits = concat(waits, waitCount);
            long[] allHandoffs = concat(handoffs, handoffCount);
            long[] sortedWaits = Stats.sorted(allWaits, allWaits.length);
            long[] sortedHandoffs = Stats.sorted(allHandoffs, allHandoffs.length);
            long[] handoverWaitsAll = concat(handoverWaits, handoffCount);
            long[] sortedHandoverWaits = Stats.sorted(handoverWaitsAll, handoverWaitsAll.length);
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (int n : perWorker) {
                min = Math.min(min, n);
                max = Math.max(max, n);
            }
            int lost = allGrants.get() - counter; // increments lost to a concurrent holder
            Map<Metric, Double> m = new EnumMap<>(Metric.class);
            m.put(Metric.GRANTS, (double) grants.get());
            m.put(Metric.GRANTS_PER_S, grants.get() / seconds);
            m.put(Metric.WAIT_P50_MS, Stats.percentile(sortedWaits, 0.50) / 1e6);
            m.put(Metric.WAIT_P99_MS, Stats.percentile(sortedWaits, 0.99) / 1e6);
            m.put(Metric.HANDOVER_WAIT_P50_MS, Stats.percentile(sortedHandoverWaits, 0.50) / 1e6);
            m.put(Metric.HANDOVER_WAIT_P99_MS, Stats.percentile(sortedHandoverWaits, 0.99) / 1e6);
            m.put(Metric.FAIRNESS, max == 0 ? 0.0 : (double) min / max);
            m.put(Metric.HANDOFF_P50_US, Stats.percentile(sortedHandoffs, 0.50) / 1e3);
            m.put(Metric.HANDOFF_P99_US, Stats.percentile(sortedHandoffs, 0.99) / 1e3);
            m.put(Metric.HANDOVERS_PER_S, allHandoffs.length / seconds);
            m.put(Metric.VIOLATIONS, (double) (violations.get() + Math.max(0, lost)));
            return new Sample(m, allWaits);
        }

        private static long[] append(long[] array, int index, long value) {
            long[] a = index < array.length ? array : java.util.Arrays.copyOf(array, array.length * 2);
            a[index] = value;
            return a;
        }

        private static long[] concat(long[][] arrays, int[] counts) {
            int total = 0;
            for (int c : counts) {
                total += c;
            }
            long[] all = new long[total];
            int at = 0;
            for (int i = 0; i < arrays.length; i++) {
                System.arraycopy(arrays[i], 0, all, at, counts[i]);
                at += counts[i];
            }
            return all;
        }
    }

    private static void awaitAll(List<Future<?>> futures) throws Exception {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                futures.forEach(other -> other.cancel(true));
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw e;
            }
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "bench-" + name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
