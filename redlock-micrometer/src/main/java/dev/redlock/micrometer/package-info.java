/**
 * Micrometer meters for Redlock: {@link dev.redlock.micrometer.RedlockMetrics} for an engine, and the CDI binding
 * that a {@code MeterRegistry} bean switches on. See {@code docs/operations.md}.
 */
@NullMarked
package dev.redlock.micrometer;

import org.jspecify.annotations.NullMarked;
