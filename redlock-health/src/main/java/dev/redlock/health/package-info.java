/**
 * MicroProfile Health checks for Redlock: {@link dev.redlock.health.RedlockReadinessCheck} and
 * {@link dev.redlock.health.RedlockLivenessCheck}. See {@code docs/operations.md}.
 */
@NullMarked
package dev.redlock.health;

import org.jspecify.annotations.NullMarked;
