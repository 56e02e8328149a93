package dev.redlock.bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles of latency samples and the median with min–max over repeated runs. */
final class Stats {

    private Stats() {
    }

    /**
     * The nearest-rank percentile of {@code sorted}.
     *
     * @param sorted ascending values; may be empty
     * @param p      in (0, 1]
     * @return the value, or {@code NaN} if there are none
     */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Sorts a copy of {@code values}. */
    static long[] sorted(long[] values, int length) {
        long[] copy = Arrays.copyOf(values, length);
        Arrays.sort(copy);
        return copy;
    }

    /**
     * The median, min and max of one figure over runs.
     *
     * @param median the median (mean of the two middle values for an even count)
     * @param min    the smallest
     * @param max    the largest
     * @param runs   how many runs had the figure
     */
    record Spread(double median, double min, double max, int runs) {

        static Spread of(List<Double> values) {
            double[] v = values.stream().mapToDouble(Double::doubleValue).filter(d -> !Double.isNaN(d)).sorted()
                    .toArray();
            if (v.length == 0) {
                return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
            }
            int mid = v.length / 2;
            double median = v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
            return new Spread(median, v[0], v[v.length - 1], v.length);
        }

        boolean isEmpty() {
            return runs == 0;
        }
    }
}
