package dev.redlock.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Every sample and failure of one driver run, by workload and implementation id, in run order. */
final class Results {

    private final Map<Workload, Map<String, List<Sample>>> samples = new EnumMap<>(Workload.class);
    private final Map<Workload, Map<String, String>> failures = new EnumMap<>(Workload.class);

    void add(Workload workload, String id, Sample sample) {
        samples.computeIfAbsent(workload, w -> new LinkedHashMap<>()).computeIfAbsent(id, i -> new ArrayList<>())
                .add(sample);
    }

    void fail(Workload workload, String id, String reason) {
        failures.computeIfAbsent(workload, w -> new LinkedHashMap<>()).merge(id, reason,
                (a, b) -> a.equals(b) ? a : a + "; " + b);
    }

    List<Sample> samples(Workload workload, String id) {
        return samples.getOrDefault(workload, Map.of()).getOrDefault(id, List.of());
    }

    /** The implementation ids with samples or failures for {@code workload}, in first-run order. */
    List<String> ids(Workload workload) {
        List<String> ids = new ArrayList<>(samples.getOrDefault(workload, Map.of()).keySet());
        for (String id : failures.getOrDefault(workload, Map.of()).keySet()) {
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    @Nullable
    String failure(Workload workload, String id) {
        return failures.getOrDefault(workload, Map.of()).get(id);
    }

    /** Median, min and max of {@code metric} over the runs of {@code id} on {@code workload}. */
    Stats.Spread spread(Workload workload, String id, Metric metric) {
        return Stats.Spread.of(samples(workload, id).stream().map(s -> s.get(metric)).toList());
    }

    /** The median, or {@code NaN}. */
    double median(Workload workload, String id, Metric metric) {
        return spread(workload, id, metric).median();
    }

    /** The sum over runs, or {@code NaN} if there are none. */
    double sum(Workload workload, String id, Metric metric) {
        List<Sample> list = samples(workload, id);
        return list.isEmpty() ? Double.NaN : list.stream().mapToDouble(s -> s.get(metric)).sum();
    }

    /** Every W4 wait of {@code id} over all runs, in nanoseconds. */
    long[] waits(String id) {
        return samples(Workload.W4, id).stream().flatMapToLong(s -> java.util.Arrays.stream(s.waitNanos()))
                .toArray();
    }
}
