/**
 * The {@code redlock} Maven plugin: the {@code redlock:create-meta} scaffolding goal. Not API beyond the goal and its
 * parameters.
 */
@NullMarked
package dev.redlock.maven;

import org.jspecify.annotations.NullMarked;
