/**
 * JMH benchmarks of the client-side cost per operation (run with {@code -Pjmh}; see {@code docs/benchmarks.md}).
 * Not API; not deployed.
 */
@NullMarked
package dev.redlock.bench.jmh;

import org.jspecify.annotations.NullMarked;
