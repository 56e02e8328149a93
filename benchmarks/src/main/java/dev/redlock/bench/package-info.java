/**
 * The side-by-side workload driver ({@link dev.redlock.bench.Driver}): workloads W1–W5 of
 * {@code BENCHMARKS.md} over this project's engine and the reference implementations, on fresh
 * {@code redis-server} nodes. Not API; not deployed.
 */
@NullMarked
package dev.redlock.bench;

import org.jspecify.annotations.NullMarked;
