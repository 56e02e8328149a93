package dev.redlock.test;

import java.util.Arrays;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/** Reads meters with some fixed tags (the client, or the client, module and meta); a missing meter reads 0. */
final class Meters {

    private final MeterRegistry registry;
    private final Tags fixed;

    Meters(MeterRegistry registry, String... fixedTags) {
        this.registry = registry;
        this.fixed = Tags.of(fixedTags);
    }

    private Tags tags(String... more) {
        return fixed.and(Tags.of(Arrays.copyOf(more, more.length)));
    }

    /** A counter's count, summed over the meters that match (such as every node's). */
    double count(String name, String... tags) {
        return registry.find(name).tags(tags(tags)).counters().stream().mapToDouble(Counter::count).sum();
    }

    /** How many times a timer recorded, summed over the meters that match. */
    long timerCount(String name, String... tags) {
        return registry.find(name).tags(tags(tags)).timers().stream().mapToLong(Timer::count).sum();
    }

    /** A gauge's value; -1 if there is none. */
    double gauge(String name, String... tags) {
        Gauge g = registry.find(name).tags(tags(tags)).gauge();
        return g == null ? -1 : g.value();
    }
}
