/**
 * The meta bean of W6 and of the CDI JMH benchmarks: a module {@code bench} with one redlock meta, run in a Weld SE
 * container with the redlock extension.
 */
@Module("bench")
package dev.redlock.bench.cdi;

import dev.redlock.api.Module;
