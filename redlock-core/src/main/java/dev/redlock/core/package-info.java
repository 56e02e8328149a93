/**
 * The Redlock engine, usable without CDI: {@link dev.redlock.core.Redlock#builder()}.
 */
@NullMarked
package dev.redlock.core;

import org.jspecify.annotations.NullMarked;
