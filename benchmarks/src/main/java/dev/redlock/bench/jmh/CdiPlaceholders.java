package dev.redlock.bench.jmh;

/**
 * TODO: the JMH benchmarks that need the CDI layer ({@code redlock-cdi}), which is not on this branch yet. Write
 * them here once it is merged:
 * <ul>
 * <li>{@code CdiPathBenchmark}: {@code redlock.lock(resource, fn)} through an injected meta bean in a Weld SE
 * container against {@code Redlock.using(...)} on the engine directly, same node, with {@code -prof gc} (target:
 * within 1.05×);</li>
 * <li>{@code WeldStartupBenchmark}: {@code Mode.SingleShotTime} start-up of a Weld SE container with 1,000
 * generated {@code @Meta} beans, with and without the build-time Jandex index.</li>
 * </ul>
 * The driver's W6 (W1 and W4 through the meta bean) waits for the same merge; see {@code Workload}.
 */
final class CdiPlaceholders {

    private CdiPlaceholders() {
    }
}
