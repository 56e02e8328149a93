package dev.redlock.bench;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one run of one workload on one implementation measured.
 *
 * @param metrics   the figures
 * @param waitNanos W4 only: every request-to-grant wait, for the chart; empty otherwise
 * @param threads   where the client's CPU time went, by thread group (Java runs on Linux); empty otherwise
 */
record Sample(Map<Metric, Double> metrics, long[] waitNanos, ThreadCosts threads) {

    private static final long[] NONE = new long[0];

    Sample {
        metrics = Map.copyOf(new EnumMap<>(Objects.requireNonNull(metrics, "metrics")));
        Objects.requireNonNull(waitNanos, "waitNanos");
        Objects.requireNonNull(threads, "threads");
    }

    /**
     * A sample without a thread breakdown.
     *
     * @param metrics   the figures
     * @param waitNanos W4 only: every request-to-grant wait; empty otherwise
     */
    Sample(Map<Metric, Double> metrics, long[] waitNanos) {
        this(metrics, waitNanos, ThreadCosts.NONE);
    }

    static Sample of(Map<Metric, Double> metrics) {
        return new Sample(metrics, NONE);
    }

    /** A sample with a thread breakdown and no waits. */
    static Sample of(Map<Metric, Double> metrics, ThreadCosts threads) {
        return new Sample(metrics, NONE, threads);
    }

    /** The figure, or {@code NaN} if this sample does not have it. */
    double get(Metric metric) {
        Double v = metrics.get(metric);
        return v == null ? Double.NaN : v;
    }
}
